import { assignBlockIds } from './assign-block-ids.ts';
import type { ResponseTarget } from './create-response-urls.ts';
import { postToChannel } from './post-to-channel.ts';
import { readBoolean, readString } from './read-arg.ts';
import { readMessageContent } from './read-message-content.ts';
import { failure, type StandInContext } from './stand-in-context.ts';
import type { EphemeralMessage, JsonObject, StoredMessage } from './types.ts';

function findOriginal(context: StandInContext, target: ResponseTarget): StoredMessage | EphemeralMessage | undefined {
  const { messageTs } = target;
  if (messageTs === undefined) return undefined;
  if (target.ephemeral === true) {
    return context.workspace.ephemerals.find((item) => item.messageTs === messageTs && item.user === target.user);
  }
  return context.workspace.findMessage(target.channel, messageTs);
}

/**
 * Applies a message sent to a `response_url` (or returned as a slash command's HTTP answer), as
 * https://docs.slack.dev/interactivity/handling-user-interaction describes: `delete_original`,
 * `replace_original`, `response_type: 'in_channel'` (a new channel message), otherwise an ephemeral
 * message to the user who acted. Content is checked like `chat.postEphemeral`.
 */
export function applyResponse(
  context: StandInContext,
  target: ResponseTarget,
  body: Readonly<JsonObject>,
  via: 'response_url' | 'command_response',
): JsonObject {
  const original = findOriginal(context, target);
  if (readBoolean(body, 'delete_original') === true) {
    if (original === undefined) return failure('message_not_found');
    original.deleted = true;
    return { ok: true };
  }
  const content = readMessageContent(body, context, 'refuse');
  if (!content.ok) return content.response;
  const text = content.text ?? '';
  const blocks = content.blocks === undefined ? undefined : assignBlockIds(content.blocks);
  if (readBoolean(body, 'replace_original') === true && original !== undefined) {
    original.history.push({ text: original.text, blocks: original.blocks, replacedAt: context.clock() });
    original.text = text;
    original.blocks = blocks;
    return { ok: true };
  }
  const channel = context.workspace.channels.get(target.channel);
  if (channel === undefined) return failure('channel_not_found');
  const threadTs = readString(body, 'thread_ts');
  if (readString(body, 'response_type') === 'in_channel') {
    postToChannel(context, channel, {
      text,
      blocks,
      threadTs,
      unfurlLinks: readBoolean(body, 'unfurl_links'),
      unfurlMedia: readBoolean(body, 'unfurl_media'),
      via: 'response_url',
    });
    return { ok: true };
  }
  context.workspace.ephemerals.push({
    messageTs: context.ts.next(),
    channel: channel.id,
    user: target.user,
    threadTs,
    text,
    blocks,
    deleted: false,
    history: [],
    via,
    at: context.clock(),
  });
  return { ok: true };
}
