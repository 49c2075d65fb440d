import { readString } from './read-arg.ts';
import { resolveChannel } from './resolve-channel.ts';
import { type ApiMethod, failure } from './stand-in-context.ts';

/**
 * `chat.getPermalink` (https://docs.slack.dev/reference/methods/chat.getPermalink):
 * `<base>/archives/<channel>/p<ts without the dot>`, plus `?thread_ts=…&cid=…` for a reply —
 * Slack's path shape, on the stand-in's host by default.
 */
export const chatGetPermalink: ApiMethod = (args, context) => {
  const target = resolveChannel(args, context, 'read');
  if (!target.ok) return target.response;
  const ts = readString(args, 'message_ts');
  const message = ts === undefined ? undefined : context.workspace.findMessage(target.channel.id, ts);
  if (message === undefined || message.deleted) return failure('message_not_found');
  const channel = target.channel.id;
  const path = `${context.permalinkBase}/archives/${channel}/p${message.ts.replace('.', '')}`;
  const permalink = message.threadTs === undefined ? path : `${path}?thread_ts=${message.threadTs}&cid=${channel}`;
  return { ok: true, channel, permalink };
};
