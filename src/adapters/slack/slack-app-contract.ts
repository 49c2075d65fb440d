/**
 * What the Slack app asks of a workspace. `manifest.yml` must say exactly this (a test checks it),
 * so a scope cannot creep in unnoticed.
 */
export const SLASH_COMMAND = '/shiplock';

/** Bot scopes: `chat:write` posts and updates cards, threads and ephemerals; `commands` is /shiplock. */
export const BOT_SCOPES: readonly string[] = ['chat:write', 'commands'];

/** Events the app subscribes to: App Home needs no scope of its own (REFERENCES.md). */
export const BOT_EVENTS: readonly string[] = ['app_home_opened'];

/** Scopes a deploy-approval bot may ever need (REFERENCES.md); anything else is a review finding. */
export const ALLOWED_BOT_SCOPES: readonly string[] = [
  'chat:write',
  'commands',
  'im:write',
  'users:read',
  'usergroups:read',
  'channels:read',
  'groups:read',
  'chat:write.public',
];
