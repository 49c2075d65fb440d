import type {
  BotIdentity,
  EphemeralMessage,
  SeedChannel,
  SeedTeam,
  SeedUser,
  SeedUserGroup,
  StoredMessage,
  StoredView,
  WorkspaceChannel,
} from './types.ts';

/** What a workspace is seeded with. */
export interface WorkspaceSeed {
  readonly team: SeedTeam;
  readonly bot: BotIdentity;
  readonly users: readonly SeedUser[];
  readonly channels: readonly SeedChannel[];
  readonly userGroups: readonly SeedUserGroup[];
  readonly createdAt: number;
}

/** The stand-in's state: people, channels with messages and threads, groups, ephemerals, views. */
export interface Workspace {
  readonly team: SeedTeam;
  readonly bot: BotIdentity;
  readonly users: Map<string, SeedUser>;
  readonly channels: Map<string, WorkspaceChannel>;
  readonly userGroups: Map<string, SeedUserGroup>;
  readonly ephemerals: EphemeralMessage[];
  /**
   * Replies whose `thread_ts` named no message. Slack answers `ok: true` and shows them nowhere
   * (python-slack-sdk #840); they are kept here so a test can see the mistake.
   */
  readonly orphans: StoredMessage[];
  /** Every modal and Home tab by view id. */
  readonly views: Map<string, StoredView>;
  /** Home tab view id by user id. */
  readonly homeViews: Map<string, string>;
  /** Resolves what Slack accepts as `channel`: an id, a name (with or without `#`), or a user id (their IM). */
  findChannel(ref: string): WorkspaceChannel | undefined;
  /** A top-level message or a thread reply. */
  findMessage(channelId: string, ts: string): StoredMessage | undefined;
  /** The app's IM channel with a user, created on first use. */
  openIm(userId: string): WorkspaceChannel;
}

/** Builds the in-memory workspace model the Web API methods read and change. */
export function createWorkspace(seed: WorkspaceSeed): Workspace {
  const users = new Map<string, SeedUser>(seed.users.map((user) => [user.id, user]));
  users.set(seed.bot.userId, { id: seed.bot.userId, name: seed.bot.name, realName: seed.bot.name });
  const channels = new Map<string, WorkspaceChannel>();
  for (const channel of seed.channels) {
    channels.set(channel.id, {
      id: channel.id,
      name: channel.name,
      isPrivate: channel.isPrivate ?? false,
      isIm: false,
      isArchived: channel.isArchived ?? false,
      user: undefined,
      members: channel.members,
      botIsMember: channel.botIsMember ?? true,
      created: Math.floor(seed.createdAt / 1000),
      messages: [],
    });
  }
  const openIm = (userId: string): WorkspaceChannel => {
    const id = `D${userId.slice(1)}`;
    const existing = channels.get(id);
    if (existing !== undefined) return existing;
    const im: WorkspaceChannel = {
      id,
      name: id,
      isPrivate: true,
      isIm: true,
      isArchived: false,
      user: userId,
      members: [userId, seed.bot.userId],
      botIsMember: true,
      created: Math.floor(seed.createdAt / 1000),
      messages: [],
    };
    channels.set(id, im);
    return im;
  };
  const findChannel = (ref: string): WorkspaceChannel | undefined => {
    const byId = channels.get(ref);
    if (byId !== undefined) return byId;
    if (/^[UW][A-Z0-9]+$/.test(ref)) return users.has(ref) ? openIm(ref) : undefined;
    const name = ref.startsWith('#') ? ref.slice(1) : ref;
    return [...channels.values()].find((channel) => !channel.isIm && channel.name === name);
  };
  const findMessage = (channelId: string, ts: string): StoredMessage | undefined => {
    const channel = channels.get(channelId);
    if (channel === undefined) return undefined;
    for (const message of channel.messages) {
      if (message.ts === ts) return message;
      const reply = message.replies.find((candidate) => candidate.ts === ts);
      if (reply !== undefined) return reply;
    }
    return undefined;
  };
  return {
    team: seed.team,
    bot: seed.bot,
    users,
    channels,
    userGroups: new Map(seed.userGroups.map((group) => [group.id, group])),
    ephemerals: [],
    orphans: [],
    views: new Map(),
    homeViews: new Map(),
    findChannel,
    findMessage,
    openIm,
  };
}
