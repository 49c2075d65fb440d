import type { ClickButtonOptions, ClickResult } from './click-button.ts';
import type { CloseViewOptions } from './close-view.ts';
import type { DeliveryOptions, DeliveryResult } from './deliver-to-app.ts';
import type { OpenAppHomeOptions } from './open-app-home.ts';
import type { SlashCommandOptions, SlashCommandResult } from './send-slash-command.ts';
import type { SubmitResult, SubmitViewOptions } from './submit-view.ts';
import type {
  BlocksValidator,
  BotIdentity,
  Clock,
  EphemeralMessage,
  ForcedFailure,
  JsonObject,
  RateLimit,
  RecordedCall,
  SeedChannel,
  SeedTeam,
  SeedUser,
  SeedUserGroup,
  StoredMessage,
  StoredView,
  WorkspaceChannel,
} from './types.ts';

/** How to seed and tune the stand-in. Every field is optional; defaults come from `default-seed.ts`. */
export interface SlackStandInOptions {
  readonly team?: SeedTeam;
  readonly bot?: Partial<BotIdentity>;
  /** More bot tokens to accept besides `bot.token`. */
  readonly extraTokens?: readonly string[];
  readonly users?: readonly SeedUser[];
  readonly channels?: readonly SeedChannel[];
  readonly userGroups?: readonly SeedUserGroup[];
  /** Secret interactions are signed with (default {@link DEFAULT_SIGNING_SECRET}). */
  readonly signingSecret?: string;
  /** The deprecated `token` field Slack still puts in payloads. */
  readonly verificationToken?: string;
  /** The bot's `/slack/events` URL: where interactions go unless a call names another. */
  readonly appUrl?: string;
  /** Milliseconds since the epoch (default `Date.now`): ts values, trigger expiry, rate windows, signatures. */
  readonly clock?: Clock;
  /** shiplock's own Block Kit validator, run after the built-in limits on every message and view. */
  readonly validate?: BlocksValidator;
  /** Per-method limits, e.g. `{ 'chat.update': { perMinute: 50 } }`. */
  readonly rateLimits?: Readonly<Record<string, RateLimit>>;
  /** Per-method added latency in milliseconds, e.g. `{ 'chat.update': 2000 }`. */
  readonly latency?: Readonly<Record<string, number>>;
  /** `trigger_id` lifetime (default 3,000 ms, as Slack). */
  readonly triggerTtlMs?: number;
  /** Base of permalinks (default: the stand-in's own URL). */
  readonly permalinkBase?: string;
  /** Port to listen on, on 127.0.0.1 only (default 0: an ephemeral port). */
  readonly port?: number;
}

/** A running stand-in: the Web API on loopback, its workspace, its records, and a user's hands. */
export interface SlackStandIn {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** `http://127.0.0.1:<port>/api/`: `new WebClient(token, { slackApiUrl: standIn.apiUrl })`. */
  readonly apiUrl: string;
  readonly team: SeedTeam;
  readonly bot: BotIdentity;
  readonly signingSecret: string;
  /** Every Web API call and `response_url` post, in arrival order. */
  readonly calls: readonly RecordedCall[];
  readonly channels: ReadonlyMap<string, WorkspaceChannel>;
  readonly users: ReadonlyMap<string, SeedUser>;
  readonly userGroups: ReadonlyMap<string, SeedUserGroup>;
  readonly ephemerals: readonly EphemeralMessage[];
  /** Replies posted with a `thread_ts` that named no message (Slack accepts and hides them). */
  readonly orphans: readonly StoredMessage[];
  readonly views: ReadonlyMap<string, StoredView>;
  /** Calls of one method (or `response_url`). */
  callsTo(method: string): readonly RecordedCall[];
  /** A channel's visible top-level messages, oldest first (`channel`: id, name or user id). */
  messages(channel: string): readonly StoredMessage[];
  /** One message or reply, deleted ones included. */
  message(channel: string, ts: string): StoredMessage | undefined;
  /** The visible replies in the thread of `ts`, oldest first. */
  thread(channel: string, ts: string): readonly StoredMessage[];
  /** What `user` sees privately, optionally in one channel. */
  ephemeralsFor(user: string, channel?: string): readonly EphemeralMessage[];
  /** The user's published Home tab. */
  homeView(user: string): StoredView | undefined;
  /** The modals open for a user. */
  openModals(user: string): readonly StoredView[];
  /** A fresh `trigger_id` for `user`, as if they had just interacted. */
  issueTriggerId(user: string): string;
  /** Forces the next call(s) of `method` to fail (default: 429 with `Retry-After: 1`). */
  failNext(method: string, failure?: ForcedFailure): void;
  /** Sets or clears a method's added latency (ms). */
  setLatency(method: string, ms: number | undefined): void;
  /** Sets or clears a method's rate limit. */
  setRateLimit(method: string, limit: RateLimit | undefined): void;
  /** Sets where interactions go by default (the bot often starts after the stand-in). */
  setAppUrl(url: string): void;
  /** Clicks a button on a message, an ephemeral message, a modal or a Home tab. */
  clickButton(options: ClickButtonOptions): Promise<ClickResult>;
  /** Submits an open modal and applies the bot's `response_action`. */
  submitView(options: SubmitViewOptions): Promise<SubmitResult>;
  /** Closes a modal; sends `view_closed` if the view asked for it. */
  closeView(options: CloseViewOptions): Promise<(DeliveryResult & { readonly payload: JsonObject }) | undefined>;
  /** Types a slash command (default `/shiplock`). */
  slashCommand(options: SlashCommandOptions): Promise<SlashCommandResult>;
  /** Opens the app's Home tab (an `app_home_opened` event). */
  openAppHome(options: OpenAppHomeOptions): Promise<DeliveryResult & { readonly payload: JsonObject }>;
  /** Delivers any body, signed like Slack (for payloads the helpers do not build). */
  deliver(
    options: DeliveryOptions & {
      readonly body: string;
      readonly contentType: 'application/x-www-form-urlencoded' | 'application/json';
    },
  ): Promise<DeliveryResult>;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}
