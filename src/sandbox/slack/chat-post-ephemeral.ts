import { assignBlockIds } from './assign-block-ids.ts';
import { readString } from './read-arg.ts';
import { readMessageContent } from './read-message-content.ts';
import { resolveChannel } from './resolve-channel.ts';
import { type ApiMethod, failure } from './stand-in-context.ts';

/**
 * `chat.postEphemeral` (https://docs.slack.dev/reference/methods/chat.postEphemeral): a message only
 * `user` sees; a user who is not a member of the channel (or does not exist) → `user_not_in_channel`.
 */
export const chatPostEphemeral: ApiMethod = (args, context) => {
  const target = resolveChannel(args, context, 'post');
  if (!target.ok) return target.response;
  const user = readString(args, 'user');
  const { channel } = target;
  const known = user !== undefined && context.workspace.users.has(user);
  if (user === undefined || !known || (channel.members !== undefined && !channel.members.includes(user))) {
    return failure('user_not_in_channel');
  }
  const content = readMessageContent(args, context, 'refuse');
  if (!content.ok) return content.response;
  const messageTs = context.ts.next();
  context.workspace.ephemerals.push({
    messageTs,
    channel: channel.id,
    user,
    threadTs: readString(args, 'thread_ts'),
    text: content.text ?? '',
    blocks: content.blocks === undefined ? undefined : assignBlockIds(content.blocks),
    deleted: false,
    history: [],
    via: 'api',
    at: context.clock(),
  });
  return { ok: true, message_ts: messageTs };
};
