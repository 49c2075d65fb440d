import type { ApiReply } from './github-reply.ts';
import type { SeedToken } from './types.ts';

/** A token with the login it acts as. */
export type Caller = SeedToken & { readonly login: string };

/**
 * `Authorization: token <t>` or `Bearer <t>`. Missing: 401 "Requires authentication"; unknown:
 * 401 "Bad credentials" (https://docs.github.com/rest/authentication/authenticating-to-the-rest-api).
 */
export function authenticate(header: string | undefined, tokens: ReadonlyMap<string, Caller>): Caller | ApiReply {
  const documentation_url = 'https://docs.github.com/rest';
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(header ?? '');
  if (match?.[1] === undefined) {
    return { status: 401, body: { message: 'Requires authentication', documentation_url } };
  }
  return tokens.get(match[1]) ?? { status: 401, body: { message: 'Bad credentials', documentation_url } };
}
