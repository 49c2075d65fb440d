/**
 * Shared types of the local Slack stand-in: the workspace it models, the options it is seeded
 * with, and what it records. Sandbox only: never loaded in production mode (DESIGN.md).
 */

/** Milliseconds since the epoch; injectable so trigger expiry and rate windows are testable. */
export type Clock = () => number;

/** A decoded JSON object (an API argument set, a response, a payload). */
export type JsonObject = Record<string, unknown>;

/** Where Block Kit is shown; the limits differ (50 blocks in a message, 100 in a modal or Home tab). */
export type BlockSurface = 'message' | 'modal' | 'home';

/**
 * What a validator is shown: for a message `{ text, blocks }`; for a modal or Home tab the whole view
 * (`title`, `submit`, `close`, `private_metadata`, `callback_id`, `blocks`…).
 */
export interface BlocksPayload {
  readonly text?: string;
  readonly blocks?: readonly unknown[];
  readonly [field: string]: unknown;
}

/**
 * Validates rendered Block Kit; returns one problem per broken rule (empty: valid). A problem is a
 * string, or an object such as `{ path, rule, limit, actual }` (shown as `path: rule limit, got actual`),
 * so `validateMessage` from `src/render/validate-blocks.ts` can be injected as it is.
 */
export type BlocksValidator = (payload: BlocksPayload, surface: BlockSurface) => readonly unknown[];

/** The workspace (team) the stand-in pretends to be. */
export interface SeedTeam {
  readonly id: string;
  readonly domain: string;
  readonly name: string;
}

/** The bot the tokens belong to (what `auth.test` answers). */
export interface BotIdentity {
  readonly token: string;
  readonly userId: string;
  readonly botId: string;
  readonly appId: string;
  readonly name: string;
}

/** A person in the workspace. */
export interface SeedUser {
  readonly id: string;
  readonly name: string;
  readonly realName?: string;
  readonly tz?: string;
  readonly deleted?: boolean;
}

/** A channel. `members` undefined means everyone is a member; `botIsMember` defaults to true. */
export interface SeedChannel {
  readonly id: string;
  readonly name: string;
  readonly isPrivate?: boolean;
  readonly isArchived?: boolean;
  readonly members?: readonly string[];
  readonly botIsMember?: boolean;
}

/** A user group (`@oncall`), as `usergroups.users.list` lists it. */
export interface SeedUserGroup {
  readonly id: string;
  readonly handle: string;
  readonly name?: string;
  readonly users: readonly string[];
}

/** A per-method rate limit. `perSecondPerChannel` models chat.postMessage's ~1 message/s per channel. */
export interface RateLimit {
  readonly perMinute?: number;
  readonly perSecondPerChannel?: number;
}

/**
 * A failure forced on the next call(s) of a method. Default: HTTP 429 with `Retry-After: 1` and
 * `{ok:false, error:'ratelimited'}`. With only `error`, HTTP 200 and that error (Slack's convention).
 */
export interface ForcedFailure {
  readonly status?: number;
  readonly retryAfter?: number;
  readonly error?: string;
  readonly times?: number;
}

/** One request the stand-in answered: a Web API method, or `response_url` for response-URL posts. */
export interface RecordedCall {
  readonly method: string;
  readonly args: JsonObject;
  readonly at: number;
  readonly status: number;
  readonly response: JsonObject;
  readonly token?: string;
}

/** One earlier version of an edited message (`chat.update` keeps history). */
export interface MessageVersion {
  readonly text: string;
  readonly blocks: readonly unknown[] | undefined;
  readonly replacedAt: number;
}

/** A message in a channel or thread, as the stand-in stores it. */
export interface StoredMessage {
  readonly ts: string;
  readonly channel: string;
  readonly threadTs: string | undefined;
  readonly user: string;
  readonly botId: string | undefined;
  text: string;
  blocks: readonly unknown[] | undefined;
  unfurlLinks: boolean | undefined;
  unfurlMedia: boolean | undefined;
  edited: { readonly user: string; readonly ts: string } | undefined;
  deleted: boolean;
  readonly history: MessageVersion[];
  readonly replies: StoredMessage[];
  /** A reply whose `thread_ts` names no message: Slack accepts it, nobody sees it. */
  readonly orphan: boolean;
  readonly via: 'api' | 'response_url';
}

/** An ephemeral message: visible to one user only, never in the channel history. */
export interface EphemeralMessage {
  readonly messageTs: string;
  readonly channel: string;
  readonly user: string;
  readonly threadTs: string | undefined;
  text: string;
  blocks: readonly unknown[] | undefined;
  deleted: boolean;
  readonly history: MessageVersion[];
  readonly via: 'api' | 'response_url' | 'command_response';
  readonly at: number;
}

/** A channel with its history. */
export interface WorkspaceChannel {
  readonly id: string;
  readonly name: string;
  readonly isPrivate: boolean;
  readonly isIm: boolean;
  readonly isArchived: boolean;
  /** The other side of an IM channel. */
  readonly user: string | undefined;
  readonly members: readonly string[] | undefined;
  readonly botIsMember: boolean;
  readonly created: number;
  /** Top-level messages, oldest first; replies hang off their parent. */
  readonly messages: StoredMessage[];
}

/** A modal or Home tab the app opened or published. */
export interface StoredView {
  readonly id: string;
  readonly type: 'modal' | 'home';
  readonly user: string;
  view: JsonObject;
  hash: string;
  open: boolean;
  readonly history: JsonObject[];
}
