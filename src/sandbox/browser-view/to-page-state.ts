import type { SlackStandIn } from '../slack/index.ts';
import { renderChannel } from './render-channel.ts';
import { renderModal } from './render-modal.ts';
import { toWorkspaceNames } from './workspace-names.ts';

/** What the page polls: the pickers' contents and the chosen channel and modal, rendered. */
export interface PageState {
  readonly team: string;
  readonly users: readonly { readonly id: string; readonly name: string }[];
  readonly channels: readonly { readonly id: string; readonly name: string; readonly messages: number }[];
  /** The channel shown (the one asked for, else the first). */
  readonly channel: string;
  readonly user: string;
  /** The channel's messages as HTML (every string escaped). */
  readonly html: string;
  /** The modal on top of the user's stack, or null. `key` changes when the bot updates it. */
  readonly modal: { readonly key: string; readonly html: string } | null;
}

/** The page's state for `user` looking at `channel` (either may be empty: then the first one). */
export function toPageState(slack: SlackStandIn, channel: string, user: string): PageState {
  const names = toWorkspaceNames(slack);
  const users = [...slack.users.values()]
    .filter((u) => u.deleted !== true)
    .map((u) => ({ id: u.id, name: u.realName ?? u.name }));
  const channels = [...slack.channels.values()].map((c) => ({
    id: c.id,
    name: c.isIm ? `@${names.user(c.user ?? '')}` : c.name,
    messages: slack.messages(c.id).length,
  }));
  const shownChannel = channels.some((c) => c.id === channel) ? channel : (channels[0]?.id ?? '');
  const shownUser = users.some((u) => u.id === user) ? user : (users[0]?.id ?? '');
  const top = slack.openModals(shownUser).at(-1);
  return {
    team: slack.team.name,
    users,
    channels,
    channel: shownChannel,
    user: shownUser,
    html: shownChannel === '' ? '' : renderChannel(slack, shownChannel, shownUser, names),
    modal: top === undefined ? null : { key: `${top.id}:${top.hash}`, html: renderModal(top, names) },
  };
}
