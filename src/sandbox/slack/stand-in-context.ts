import type { ResponseUrls } from './create-response-urls.ts';
import type { TriggerIds } from './create-trigger-ids.ts';
import type { TsSource } from './create-ts-source.ts';
import type { Workspace } from './create-workspace.ts';
import type { BlocksValidator, Clock, JsonObject } from './types.ts';

/** Everything a Web API method or an interaction needs: state, clock, id sources and settings. */
export interface StandInContext {
  readonly workspace: Workspace;
  readonly clock: Clock;
  readonly ts: TsSource;
  readonly triggers: TriggerIds;
  readonly responseUrls: ResponseUrls;
  /** Injected Block Kit validator (shiplock's own), run after the built-in limits. */
  readonly validate: BlocksValidator | undefined;
  /** The stand-in's own base URL, `http://127.0.0.1:<port>`. */
  readonly baseUrl: string;
  /** Base of `chat.getPermalink` links (default: the stand-in, so links open in its browser view). */
  readonly permalinkBase: string;
  readonly signingSecret: string;
  readonly verificationToken: string;
  /** Default destination of interactions: the bot's `/slack/events` URL. */
  readonly appUrl: string | undefined;
}

/** A Web API method: takes decoded arguments, answers Slack's JSON (`ok: true | false`). */
export type ApiMethod = (args: Readonly<JsonObject>, context: StandInContext) => JsonObject;

/**
 * Slack's error shape: HTTP 200, `ok: false`, an error code, and for argument problems the details
 * in `response_metadata.messages` prefixed with `[ERROR]` (fixture `slack-web.failed_view_publish.json`).
 */
export function failure(error: string, messages: readonly string[] = []): JsonObject {
  if (messages.length === 0) return { ok: false, error };
  return {
    ok: false,
    error,
    response_metadata: {
      messages: messages.map((message) => (message.startsWith('[') ? message : `[ERROR] ${message}`)),
    },
  };
}
