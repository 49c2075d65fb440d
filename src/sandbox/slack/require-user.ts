import type { StandInContext } from './stand-in-context.ts';
import type { SeedUser } from './types.ts';

/** A workspace user by id; Slack never sends an interaction from someone outside the workspace. */
export function requireUser(context: StandInContext, id: string): SeedUser {
  const user = context.workspace.users.get(id);
  if (user === undefined) throw new Error(`slack stand-in: no user ${id} in the workspace; seed it in options.users`);
  return user;
}
