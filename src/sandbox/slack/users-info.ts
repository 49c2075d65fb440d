import { readString } from './read-arg.ts';
import { type ApiMethod, failure } from './stand-in-context.ts';

/** `users.info` (https://docs.slack.dev/reference/methods/users.info): a minimal but shape-correct user. */
export const usersInfo: ApiMethod = (args, { workspace }) => {
  const id = readString(args, 'user');
  const user = id === undefined ? undefined : workspace.users.get(id);
  if (user === undefined) return failure('user_not_found');
  const realName = user.realName ?? user.name;
  const isBot = user.id === workspace.bot.userId;
  return {
    ok: true,
    user: {
      id: user.id,
      team_id: workspace.team.id,
      name: user.name,
      deleted: user.deleted ?? false,
      real_name: realName,
      tz: user.tz ?? 'Etc/UTC',
      is_admin: false,
      is_owner: false,
      is_bot: isBot,
      is_app_user: false,
      profile: {
        real_name: realName,
        real_name_normalized: realName,
        display_name: user.name,
        display_name_normalized: user.name,
        team: workspace.team.id,
        ...(isBot ? { bot_id: workspace.bot.botId } : {}),
      },
    },
  };
};
