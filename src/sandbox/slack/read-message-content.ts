import { BLOCK_LIMITS, checkBlockLimits } from './check-block-limits.ts';
import { formatProblem } from './format-problem.ts';
import { readJson, readString } from './read-arg.ts';
import { failure, type StandInContext } from './stand-in-context.ts';
import type { JsonObject } from './types.ts';

/** A message's checked content, or the error Slack would answer. */
export type MessageContent =
  | {
      readonly ok: true;
      /** `undefined` when the caller sent no `text` (chat.update then keeps the old text). */
      readonly text: string | undefined;
      /** `undefined` when the caller sent no `blocks`. */
      readonly blocks: readonly unknown[] | undefined;
    }
  | { readonly ok: false; readonly response: JsonObject };

/**
 * Reads and checks `text` / `blocks` the way chat.* methods do:
 * unparseable blocks → `invalid_blocks_format`; nothing to show → `no_text`; text over 40,000
 * characters → truncated (chat.postMessage, as documented) or `msg_too_long`; a broken Block Kit
 * limit (built-in check plus the injected validator) → `invalid_blocks` with `[ERROR]` details;
 * blocks JSON over 13,000 characters → `msg_blocks_too_long`.
 */
export function readMessageContent(
  args: Readonly<JsonObject>,
  context: StandInContext,
  overlongText: 'truncate' | 'refuse',
): MessageContent {
  const blocksArg = readJson(args, 'blocks');
  if (!blocksArg.ok || (blocksArg.value !== undefined && !Array.isArray(blocksArg.value))) {
    return { ok: false, response: failure('invalid_blocks_format') };
  }
  const blocks = blocksArg.value as readonly unknown[] | undefined;
  let text = readString(args, 'text');
  const hasAttachments = args.attachments !== undefined;
  if ((text === undefined || text === '') && (blocks === undefined || blocks.length === 0) && !hasAttachments) {
    return { ok: false, response: failure('no_text') };
  }
  if (text !== undefined && text.length > BLOCK_LIMITS.messageText) {
    if (overlongText === 'refuse') return { ok: false, response: failure('msg_too_long') };
    text = text.slice(0, BLOCK_LIMITS.messageText);
  }
  if (blocks === undefined) return { ok: true, text, blocks };
  const problems = checkBlockLimits(blocks, 'message');
  if (context.validate !== undefined) {
    const shown = context.validate(text === undefined ? { blocks } : { text, blocks }, 'message');
    problems.push(...shown.map(formatProblem));
  }
  if (problems.length > 0) return { ok: false, response: failure('invalid_blocks', problems) };
  if (JSON.stringify(blocks).length > BLOCK_LIMITS.blocksJson) {
    return { ok: false, response: failure('msg_blocks_too_long') };
  }
  return { ok: true, text, blocks };
}
