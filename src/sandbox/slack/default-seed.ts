import type { BotIdentity, SeedChannel, SeedTeam, SeedUser, SeedUserGroup } from './types.ts';

/** The sandbox workspace. */
export const DEFAULT_TEAM: SeedTeam = { id: 'T0SANDBOX', domain: 'shiplock-sandbox', name: 'shiplock sandbox' };

/** The sandbox bot; its token is the one the stand-in accepts by default. */
export const DEFAULT_BOT: BotIdentity = {
  token: 'xoxb-0000000000-sandbox-shiplock',
  userId: 'U0SHIPLOCK',
  botId: 'B0SHIPLOCK',
  appId: 'A0SHIPLOCK',
  name: 'shiplock',
};

/** A small team: three approvers and an author, so demos can show quorum and self-approval refusals. */
export const DEFAULT_USERS: readonly SeedUser[] = [
  { id: 'U0ALICE', name: 'alice', realName: 'Alice Adams' },
  { id: 'U0BOB', name: 'bob', realName: 'Bob Brown' },
  { id: 'U0CAROL', name: 'carol', realName: 'Carol Chen' },
  { id: 'U0DAVE', name: 'dave', realName: 'Dave Dev' },
];

/** The deploy channel, the alerts channel and the audit channel. */
export const DEFAULT_CHANNELS: readonly SeedChannel[] = [
  { id: 'C0DEPLOYS', name: 'deploys' },
  { id: 'C0ALERTS', name: 'deploy-alerts' },
  { id: 'C0AUDIT', name: 'shiplock-audit' },
];

/** The approvers as a user group. */
export const DEFAULT_USER_GROUPS: readonly SeedUserGroup[] = [
  { id: 'S0APPROVERS', handle: 'release-approvers', name: 'Release approvers', users: ['U0ALICE', 'U0BOB', 'U0CAROL'] },
];

/** Default signing secret: non-empty (an empty secret makes every signature "valid", bolt-js #2946). */
export const DEFAULT_SIGNING_SECRET = 'sandbox-signing-secret-not-for-production';
