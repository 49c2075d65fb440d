import { resolveChannel } from './resolve-channel.ts';
import type { ApiMethod } from './stand-in-context.ts';

/** `conversations.info` (https://docs.slack.dev/reference/methods/conversations.info): a channel's facts. */
export const conversationsInfo: ApiMethod = (args, context) => {
  const target = resolveChannel(args, context, 'read');
  if (!target.ok) return target.response;
  const { channel } = target;
  return {
    ok: true,
    channel: {
      id: channel.id,
      name: channel.name,
      is_channel: !channel.isIm && !channel.isPrivate,
      is_group: false,
      is_im: channel.isIm,
      is_private: channel.isPrivate,
      is_archived: channel.isArchived,
      is_general: false,
      is_member: channel.botIsMember,
      created: channel.created,
      name_normalized: channel.name,
      ...(channel.user === undefined ? {} : { user: channel.user }),
      ...(channel.members === undefined ? {} : { num_members: channel.members.length }),
    },
  };
};
