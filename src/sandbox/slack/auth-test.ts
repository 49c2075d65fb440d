import type { ApiMethod } from './stand-in-context.ts';

/** `auth.test` (https://docs.slack.dev/reference/methods/auth.test): who the bot token belongs to. */
export const authTest: ApiMethod = (_args, { workspace: { team, bot } }) => ({
  ok: true,
  url: `https://${team.domain}.slack.com/`,
  team: team.name,
  user: bot.name,
  team_id: team.id,
  user_id: bot.userId,
  bot_id: bot.botId,
  is_enterprise_install: false,
});
