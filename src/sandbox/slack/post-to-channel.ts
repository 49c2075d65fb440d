import { assignBlockIds } from './assign-block-ids.ts';
import type { StandInContext } from './stand-in-context.ts';
import type { StoredMessage, WorkspaceChannel } from './types.ts';

/** What a new bot message carries. */
export interface NewMessage {
  readonly text: string;
  readonly blocks: readonly unknown[] | undefined;
  readonly threadTs: string | undefined;
  readonly unfurlLinks: boolean | undefined;
  readonly unfurlMedia: boolean | undefined;
  readonly via: StoredMessage['via'];
}

/**
 * Stores a bot message in a channel or a thread. A `thread_ts` naming a reply lands in that reply's
 * thread; one naming no message is accepted and kept out of sight, as Slack does.
 */
export function postToChannel(context: StandInContext, channel: WorkspaceChannel, input: NewMessage): StoredMessage {
  const { workspace } = context;
  const parent = input.threadTs === undefined ? undefined : workspace.findMessage(channel.id, input.threadTs);
  const threadTs = parent === undefined ? input.threadTs : (parent.threadTs ?? parent.ts);
  const message: StoredMessage = {
    ts: context.ts.next(),
    channel: channel.id,
    threadTs,
    user: workspace.bot.userId,
    botId: workspace.bot.botId,
    text: input.text,
    blocks: input.blocks === undefined ? undefined : assignBlockIds(input.blocks),
    unfurlLinks: input.unfurlLinks,
    unfurlMedia: input.unfurlMedia,
    edited: undefined,
    deleted: false,
    history: [],
    replies: [],
    orphan: input.threadTs !== undefined && parent === undefined,
    via: input.via,
  };
  if (threadTs === undefined) channel.messages.push(message);
  else {
    const root = workspace.findMessage(channel.id, threadTs);
    if (root === undefined) workspace.orphans.push(message);
    else root.replies.push(message);
  }
  return message;
}
