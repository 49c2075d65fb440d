import type { JsonObject, SeedTeam, SeedUser } from './types.ts';

/** The `user` object of interaction payloads (fixture `block_actions.button.json`). */
export function toPayloadUser(user: SeedUser, team: SeedTeam): JsonObject {
  return { id: user.id, username: user.name, name: user.name, team_id: team.id };
}
