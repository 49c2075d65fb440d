import { postToChannel } from './post-to-channel.ts';
import { readBoolean, readString } from './read-arg.ts';
import { readMessageContent } from './read-message-content.ts';
import { resolveChannel } from './resolve-channel.ts';
import type { ApiMethod } from './stand-in-context.ts';
import { toApiMessage } from './to-api-message.ts';

/**
 * `chat.postMessage` (https://docs.slack.dev/reference/methods/chat.postMessage): posts to a channel,
 * a user's IM (by user id) or a thread (`thread_ts`); records `unfurl_links` / `unfurl_media` as sent.
 */
export const chatPostMessage: ApiMethod = (args, context) => {
  const target = resolveChannel(args, context, 'post');
  if (!target.ok) return target.response;
  const content = readMessageContent(args, context, 'truncate');
  if (!content.ok) return content.response;
  const message = postToChannel(context, target.channel, {
    text: content.text ?? '',
    blocks: content.blocks,
    threadTs: readString(args, 'thread_ts'),
    unfurlLinks: readBoolean(args, 'unfurl_links'),
    unfurlMedia: readBoolean(args, 'unfurl_media'),
    via: 'api',
  });
  return {
    ok: true,
    channel: target.channel.id,
    ts: message.ts,
    message: toApiMessage(message, context.workspace),
  };
};
