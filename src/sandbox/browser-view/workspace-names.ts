import type { SlackStandIn } from '../slack/index.ts';

/** How mentions are shown: `<@U…>` as `@name`, `<#C…>` as `#name`, `<!subteam^S…>` as `@handle`. */
export interface WorkspaceNames {
  user(id: string): string;
  channel(id: string): string;
  group(id: string): string;
}

/** Names from the stand-in's workspace; an unknown id is shown as the id itself. */
export function toWorkspaceNames(slack: SlackStandIn): WorkspaceNames {
  return {
    user: (id) => {
      const user = slack.users.get(id);
      if (user !== undefined) return user.realName ?? user.name;
      return id === slack.bot.userId ? slack.bot.name : id;
    },
    channel: (id) => slack.channels.get(id)?.name ?? id,
    group: (id) => slack.userGroups.get(id)?.handle ?? id,
  };
}
