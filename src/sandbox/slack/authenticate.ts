import type { JsonObject } from './types.ts';

/** The token a request carries and whether the stand-in knows it. */
export type Authentication =
  | { readonly ok: true; readonly token: string }
  | { readonly ok: false; readonly error: 'not_authed' | 'invalid_auth' };

/**
 * Slack takes the token from `Authorization: Bearer …`, or from a `token` argument in a form body
 * (never from a JSON body). No token → `not_authed`; a token it does not know → `invalid_auth`.
 */
export function authenticate(
  authorization: string | undefined,
  args: Readonly<JsonObject>,
  kind: 'form' | 'json' | 'none',
  tokens: ReadonlySet<string>,
): Authentication {
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  const fromBody = kind !== 'json' && typeof args.token === 'string' ? args.token : undefined;
  const token = bearer ?? fromBody;
  if (token === undefined || token === '') return { ok: false, error: 'not_authed' };
  if (!tokens.has(token)) return { ok: false, error: 'invalid_auth' };
  return { ok: true, token };
}
