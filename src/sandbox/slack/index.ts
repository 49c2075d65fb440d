/**
 * The local Slack stand-in (sandbox only, never loaded in production mode): a loopback Web API that
 * answers as Slack documents, enforces Block Kit limits and records calls, plus signed interactions.
 */
export { BLOCK_LIMITS, checkBlockLimits } from './check-block-limits.ts';
export { checkView, VIEW_LIMITS } from './check-view.ts';
export type { ClickButtonOptions, ClickResult, ClickTarget } from './click-button.ts';
export type { CloseViewOptions } from './close-view.ts';
export { createManualClock, type ManualClock } from './create-manual-clock.ts';
export { RESPONSE_URL_MAX_USES, RESPONSE_URL_TTL_MS } from './create-response-urls.ts';
export { createSlackStandIn } from './create-slack-stand-in.ts';
export { TRIGGER_TTL_MS } from './create-trigger-ids.ts';
export {
  DEFAULT_BOT,
  DEFAULT_CHANNELS,
  DEFAULT_SIGNING_SECRET,
  DEFAULT_TEAM,
  DEFAULT_USER_GROUPS,
  DEFAULT_USERS,
} from './default-seed.ts';
export type { DeliveryOptions, DeliveryResult, ForgeOptions } from './deliver-to-app.ts';
export { formatProblem } from './format-problem.ts';
export type { OpenAppHomeOptions } from './open-app-home.ts';
export type { SlashCommandOptions, SlashCommandResult } from './send-slash-command.ts';
export { signSlackRequest } from './sign-slack-request.ts';
export type { SlackStandIn, SlackStandInOptions } from './slack-stand-in.ts';
export type { SubmitOutcome, SubmitResult, SubmitViewOptions } from './submit-view.ts';
export type { ViewInputValues } from './to-view-state-values.ts';
export type * from './types.ts';
