import { AUTOMATIC_FREEZE_BY, type Freeze } from '../core/types.ts';
import { mentionUser } from './mention-user.ts';

/**
 * Who froze the deploys, for "frozen by …": a mention of a well-formed Slack user id, `shiplock`
 * (in words, never a mention) for the freeze set after a production rollback, else `someone`.
 */
export function freezeAuthor(freeze: Freeze): string {
  if (freeze.by === AUTOMATIC_FREEZE_BY) return 'shiplock (automatically, after a production rollback)';
  return mentionUser(freeze.by) ?? 'someone';
}
