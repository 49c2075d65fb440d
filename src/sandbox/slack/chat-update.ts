import { assignBlockIds } from './assign-block-ids.ts';
import { readString } from './read-arg.ts';
import { readMessageContent } from './read-message-content.ts';
import { resolveChannel } from './resolve-channel.ts';
import { type ApiMethod, failure } from './stand-in-context.ts';
import { toApiMessage } from './to-api-message.ts';

/**
 * `chat.update` (https://docs.slack.dev/reference/methods/chat.update): edits a message in place and
 * keeps the previous version in its history. Omitted `blocks` keep the old blocks (`[]` removes them),
 * as documented; a message the bot did not post → `cant_update_message`.
 */
export const chatUpdate: ApiMethod = (args, context) => {
  const target = resolveChannel(args, context, 'read');
  if (!target.ok) return target.response;
  const ts = readString(args, 'ts');
  if (ts === undefined) return failure('invalid_arguments', ['missing required field: ts']);
  const message = context.workspace.findMessage(target.channel.id, ts);
  if (message === undefined || message.deleted) return failure('message_not_found');
  if (message.user !== context.workspace.bot.userId) return failure('cant_update_message');
  const content = readMessageContent(args, context, 'refuse');
  if (!content.ok) return content.response;
  message.history.push({ text: message.text, blocks: message.blocks, replacedAt: context.clock() });
  if (content.text !== undefined) message.text = content.text;
  if (content.blocks !== undefined)
    message.blocks = content.blocks.length === 0 ? undefined : assignBlockIds(content.blocks);
  message.edited = { user: context.workspace.bot.botId, ts: context.ts.next() };
  return {
    ok: true,
    channel: target.channel.id,
    ts: message.ts,
    text: message.text,
    message: toApiMessage(message, context.workspace),
  };
};
