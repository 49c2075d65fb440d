import type { Workspace } from './create-workspace.ts';
import type { JsonObject, StoredMessage } from './types.ts';

/**
 * A stored message as the Web API returns it (shape of fixture `slack-web.chat.update.response.json`):
 * bot messages carry `bot_id`, `app_id` and `bot_profile`; thread replies `thread_ts`; parents their
 * reply count; edited messages `edited`.
 */
export function toApiMessage(message: StoredMessage, workspace: Workspace): JsonObject {
  const { bot, team } = workspace;
  const fromBot = message.botId !== undefined;
  const latest = message.replies.at(-1);
  return {
    ...(fromBot ? { bot_id: message.botId } : {}),
    type: 'message',
    text: message.text,
    user: message.user,
    ts: message.ts,
    ...(fromBot ? { app_id: bot.appId } : {}),
    ...(message.blocks === undefined ? {} : { blocks: message.blocks }),
    team: team.id,
    ...(fromBot
      ? { bot_profile: { id: bot.botId, app_id: bot.appId, name: bot.name, deleted: false, team_id: team.id } }
      : {}),
    ...(message.threadTs === undefined ? {} : { thread_ts: message.threadTs }),
    ...(latest === undefined
      ? {}
      : {
          thread_ts: message.ts,
          reply_count: message.replies.length,
          reply_users: [...new Set(message.replies.map((reply) => reply.user))],
          latest_reply: latest.ts,
        }),
    ...(message.edited === undefined ? {} : { edited: message.edited }),
  };
}
