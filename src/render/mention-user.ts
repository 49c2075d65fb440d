import type { SlackUserId } from '../core/types.ts';

/** A Slack user id as Slack issues them: `U…`, or `W…` on Enterprise Grid. */
export const SLACK_USER_ID_PATTERN = /^[UW][A-Z0-9]{2,20}$/;

/** True when `id` is shaped like a Slack user id, so `<@id>` can only ever mention that one user. */
export function isSlackUserId(id: string): boolean {
  return SLACK_USER_ID_PATTERN.test(id);
}

/**
 * A deliberate mention `<@U…>` of a user id that came from our own config or a verified Slack
 * payload, or `null` when the id is not shaped like one (then the caller says so in words). The
 * shape check is what keeps a malformed id from smuggling `<!channel>` into the message.
 */
export function mentionUser(id: SlackUserId): string | null {
  return isSlackUserId(id) ? `<@${id}>` : null;
}

/**
 * Mentions of the first `max` well-formed ids, joined with `, `; the rest are counted in words and
 * malformed ids are never emitted, only counted.
 */
export function mentionList(ids: readonly SlackUserId[], max: number): string {
  const valid = ids.filter(isSlackUserId);
  const parts = valid.slice(0, Math.max(0, max)).map((id) => `<@${id}>`);
  const hidden = valid.length - parts.length;
  const malformed = ids.length - valid.length;
  if (hidden > 0) parts.push(`${hidden} more`);
  if (malformed > 0) parts.push(`${malformed} with an invalid Slack id`);
  return parts.join(', ');
}
