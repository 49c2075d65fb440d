import { type ApiContext, GITHUB_API, GITHUB_HTML, TEMPLATE_REPO } from './api-context.ts';
import { nodeId } from './node-id.ts';
import { replaceAllOf, rewriteStrings } from './rewrite-strings.ts';
import { toApiUser } from './to-api-user.ts';
import type { JsonObject } from './types.ts';

/** The URL rewrites that move a template object from `Codertocat/Hello-World` to `fullName`. */
export function repoRewrites(context: ApiContext, fullName: string): (text: string) => string {
  const host = new URL(context.htmlBase).host;
  return replaceAllOf([
    [`${GITHUB_API}/repos/${TEMPLATE_REPO}`, `${context.apiBase}/repos/${fullName}`],
    [`${GITHUB_HTML}/${TEMPLATE_REPO}`, `${context.htmlBase}/${fullName}`],
    [`github.com:${TEMPLATE_REPO}`, `${host}:${fullName}`],
    [`github.com/${TEMPLATE_REPO}`, `${host}/${fullName}`],
  ]);
}

/** A `repository` object (as nested in a pull request's `head.repo` and `base.repo`). */
export function toApiRepository(context: ApiContext, fullName: string, defaultBranch: string): JsonObject {
  const [owner = '', name = ''] = fullName.split('/');
  const id = context.repoId(fullName);
  return {
    ...rewriteStrings(context.templates.repository, repoRewrites(context, fullName)),
    id,
    node_id: nodeId('Repository', id),
    name,
    full_name: fullName,
    owner: toApiUser(context, owner),
    clone_url: context.cloneUrl(fullName),
    default_branch: defaultBranch,
    master_branch: defaultBranch,
  };
}
