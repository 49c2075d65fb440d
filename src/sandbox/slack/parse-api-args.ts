import type { JsonObject } from './types.ts';

/** Decoded Web API arguments, or the error Slack answers for an unreadable request. */
export type ParsedArgs =
  | { readonly ok: true; readonly args: JsonObject; readonly kind: 'form' | 'json' | 'none' }
  | { readonly ok: false; readonly error: 'invalid_json' | 'invalid_post_type' | 'missing_post_type' };

/** Arguments that travel as JSON text inside a form (how `@slack/web-api` sends objects). */
const JSON_FIELDS = ['blocks', 'attachments', 'view', 'metadata'];
/** Arguments that travel as `"true"` / `"false"` inside a form. */
const BOOLEAN_FIELDS = [
  'unfurl_links',
  'unfurl_media',
  'reply_broadcast',
  'as_user',
  'link_names',
  'mrkdwn',
  'include_disabled',
  'include_locale',
  'include_num_members',
];

function decodeFormValues(args: JsonObject): JsonObject {
  const decoded: JsonObject = { ...args };
  for (const field of JSON_FIELDS) {
    const value = decoded[field];
    if (typeof value !== 'string') continue;
    try {
      decoded[field] = JSON.parse(value) as unknown;
    } catch {
      // Left as text: the method answers `invalid_blocks_format` / `invalid_arguments` for it.
    }
  }
  for (const field of BOOLEAN_FIELDS) {
    const value = decoded[field];
    if (value === 'true' || value === '1') decoded[field] = true;
    if (value === 'false' || value === '0') decoded[field] = false;
  }
  return decoded;
}

/**
 * Reads a Web API request body the way Slack accepts it: `application/x-www-form-urlencoded` (what
 * `@slack/web-api` sends, objects as JSON strings) or `application/json`, plus query-string arguments.
 * Form values are decoded (JSON fields parsed, booleans typed) so recorded calls read the same either way.
 */
export function parseApiArgs(contentType: string | undefined, rawBody: string, query: URLSearchParams): ParsedArgs {
  const fromQuery: JsonObject = Object.fromEntries(query.entries());
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (rawBody.length === 0) return { ok: true, args: decodeFormValues(fromQuery), kind: 'none' };
  if (type === undefined || type === '') return { ok: false, error: 'missing_post_type' };
  if (type === 'application/x-www-form-urlencoded') {
    const form: JsonObject = Object.fromEntries(new URLSearchParams(rawBody).entries());
    return { ok: true, args: decodeFormValues({ ...fromQuery, ...form }), kind: 'form' };
  }
  if (type === 'application/json') {
    try {
      const body = JSON.parse(rawBody) as unknown;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, error: 'invalid_json' };
      return { ok: true, args: { ...decodeFormValues(fromQuery), ...(body as JsonObject) }, kind: 'json' };
    } catch {
      return { ok: false, error: 'invalid_json' };
    }
  }
  return { ok: false, error: 'invalid_post_type' };
}
