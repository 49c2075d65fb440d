import type { EphemeralMessage, SlackStandIn, StoredMessage } from '../slack/index.ts';
import { escapeHtml } from './escape-html.ts';
import { renderBlocks } from './render-blocks.ts';
import { renderMrkdwn } from './render-mrkdwn.ts';
import type { WorkspaceNames } from './workspace-names.ts';

/** A message or an ephemeral one, as the page lists them: ordered by `ts`. */
type Shown =
  | { readonly kind: 'message'; readonly ts: string; readonly message: StoredMessage }
  | { readonly kind: 'ephemeral'; readonly ts: string; readonly message: EphemeralMessage };

const byTs = (a: Shown, b: Shown): number => Number(a.ts) - Number(b.ts);

/** Blocks when there are any (Slack then shows them instead of `text`), else the text. */
function renderBody(
  message: { readonly text: string; readonly blocks: readonly unknown[] | undefined },
  names: WorkspaceNames,
) {
  const blocks = message.blocks ?? [];
  return blocks.length > 0
    ? renderBlocks(blocks, names)
    : `<div class="text">${renderMrkdwn(message.text, names)}</div>`;
}

/** Author, time (made local by the page), `(edited)` and, for an ephemeral, who alone sees it. */
function renderMeta(author: string, ts: string, extra: string): string {
  const seconds = Math.floor(Number(ts));
  const utc = new Date(seconds * 1000).toISOString().slice(11, 16);
  return `<div class="meta"><span class="author">${escapeHtml(author)}</span>${extra}<time class="msg-time" data-epoch="${seconds}">${utc} UTC</time></div>`;
}

function renderShown(item: Shown, slack: SlackStandIn, names: WorkspaceNames, replies: Shown[] | undefined): string {
  const { message } = item;
  const ids = `data-channel="${escapeHtml(message.channel)}" data-ts="${escapeHtml(item.ts)}"`;
  if (item.kind === 'ephemeral') {
    const meta = renderMeta(
      slack.bot.name,
      item.ts,
      '<span class="tag">APP</span><span class="only-you">Only visible to you</span>',
    );
    return `<div class="message ephemeral" data-ephemeral="true" ${ids}>${meta}<div class="body">${renderBody(item.message, names)}</div></div>`;
  }
  const stored = item.message;
  const bot = stored.botId !== undefined;
  const author = bot ? slack.bot.name : names.user(stored.user);
  const extra = `${bot ? '<span class="tag">APP</span>' : ''}${stored.edited === undefined ? '' : '<span class="edited">(edited)</span>'}`;
  const thread =
    replies === undefined || replies.length === 0
      ? ''
      : `<details class="thread" data-thread="${escapeHtml(item.ts)}"><summary>${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}</summary>${replies
          .map((reply) => renderShown(reply, slack, names, undefined))
          .join('')}</details>`;
  return `<div class="message" ${ids}>${renderMeta(author, item.ts, extra)}<div class="body">${renderBody(stored, names)}</div>${thread}</div>`;
}

/**
 * A channel as `user` sees it in Slack: top-level messages oldest first, each in its latest version
 * (`chat.update` replaces in place), threads under their parent, and `user`'s ephemeral messages
 * where they were posted. Pure over the stand-in's current state.
 */
export function renderChannel(slack: SlackStandIn, channel: string, user: string, names: WorkspaceNames): string {
  const ephemerals = slack.ephemeralsFor(user, channel);
  const top: Shown[] = [
    ...slack.messages(channel).map((message): Shown => ({ kind: 'message', ts: message.ts, message })),
    ...ephemerals
      .filter((message) => message.threadTs === undefined)
      .map((message): Shown => ({ kind: 'ephemeral', ts: message.messageTs, message })),
  ].sort(byTs);
  if (top.length === 0) return '<div class="empty">No messages yet.</div>';
  return top
    .map((item) => {
      if (item.kind === 'ephemeral') return renderShown(item, slack, names, undefined);
      const replies: Shown[] = [
        ...slack.thread(channel, item.ts).map((message): Shown => ({ kind: 'message', ts: message.ts, message })),
        ...ephemerals
          .filter((message) => message.threadTs === item.ts)
          .map((message): Shown => ({ kind: 'ephemeral', ts: message.messageTs, message })),
      ].sort(byTs);
      return renderShown(item, slack, names, replies);
    })
    .join('');
}
