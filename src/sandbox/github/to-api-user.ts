import { type ApiContext, GITHUB_API, GITHUB_HTML, TEMPLATE_LOGIN } from './api-context.ts';
import { nodeId } from './node-id.ts';
import { replaceAllOf, rewriteStrings } from './rewrite-strings.ts';
import type { JsonObject } from './types.ts';

/** A `simple-user` for `login`; logins ending in `[bot]` are apps' bot accounts (`type: Bot`). */
export function toApiUser(context: ApiContext, login: string): JsonObject {
  const id = context.userId(login);
  const path = encodeURIComponent(login);
  const user = rewriteStrings(
    context.templates.user,
    replaceAllOf([
      [`${GITHUB_API}/users/${TEMPLATE_LOGIN}`, `${context.apiBase}/users/${path}`],
      [`${GITHUB_HTML}/${TEMPLATE_LOGIN}`, `${context.htmlBase}/${path}`],
    ]),
  );
  return {
    ...user,
    login,
    id,
    node_id: nodeId(login.endsWith('[bot]') ? 'Bot' : 'User', id),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    site_admin: false,
  };
}
