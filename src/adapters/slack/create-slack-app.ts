import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { Logger } from 'pino';
import { ShiplockBootError } from '../db/shiplock-boot-error.ts';
import { createAckFirstListener } from './create-ack-first-listener.ts';
import { createDeferredDispatch } from './create-deferred-dispatch.ts';

/** How the Slack app is reached. */
export interface SlackAppOptions {
  readonly signingSecret: string;
  readonly botToken: string;
  /** `xapp-…`: Socket Mode (no public URL). Without it, HTTP mode on `POST /slack/events`. */
  readonly appToken?: string;
  /** Web API base URL (`SLACK_API_URL`): local stand-ins, proxies. Ends with `/api/`. */
  readonly slackApiUrl?: string;
  readonly logger: Logger;
  /** Epoch ms; the symmetric timestamp window is checked against it. */
  readonly now: () => number;
  /**
   * The bot's identity from our own `auth.test`. Given, Bolt skips its own token check, which
   * otherwise runs in the background with long retries and keeps a failed boot alive.
   */
  readonly identity?: { readonly botUserId: string; readonly botId: string };
}

/** The Bolt app and, in HTTP mode, the request listener to mount at `/slack/events`. */
export interface SlackApp {
  readonly app: App;
  readonly mode: 'socket' | 'http';
  /**
   * HTTP mode only: verifies the timestamp window; then acknowledges signed `block_actions` clicks
   * before Bolt dispatches them, and hands everything else to Bolt's receiver.
   */
  readonly requestListener: RequestListener | null;
  start(): Promise<void>;
  /** HTTP mode: waits (up to 5 s) for the clicks already acknowledged to go through Bolt's listeners. */
  stop(): Promise<void>;
  /** Resolves when no acknowledged click is waiting for, or inside, Bolt (always, in Socket Mode). */
  idle(): Promise<void>;
}

/** How long `stop()` lets acknowledged clicks finish in Bolt's listeners (a listener may hang on I/O). */
const STOP_GRACE_MS = 5_000;

/** Slack's replay window (REFERENCES.md): 5 minutes, in both directions. */
export const SLACK_TIMESTAMP_WINDOW_S = 300;

/**
 * Builds the Bolt app. Refuses an empty signing secret (an empty HMAC key makes forgeries
 * "valid", bolt-js #2946) and a token of the wrong kind, saying what to fix.
 */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  checkSecrets(options);
  const apiUrl = options.slackApiUrl === undefined ? {} : { slackApiUrl: options.slackApiUrl };
  const clientOptions = { ...apiUrl, rejectRateLimitedCalls: true };
  const logLevel = LogLevel.WARN;
  const identity =
    options.identity === undefined
      ? {}
      : { botUserId: options.identity.botUserId, botId: options.identity.botId, tokenVerificationEnabled: false };
  if (options.appToken !== undefined) {
    // Bolt hands the receiver's Web API client (`apps.connections.open`) only `installerOptions`'
    // client options: without them Socket Mode ignored SLACK_API_URL and always called slack.com.
    // A fresh object with the URL alone: the Socket Mode client writes its own retry settings into
    // the object it is given, which must not reach the bot's client below.
    const receiver = new SocketModeReceiver({
      appToken: options.appToken,
      logLevel,
      installerOptions: { clientOptions: { ...apiUrl } },
    });
    const app = new App({ token: options.botToken, receiver, clientOptions, logLevel, ...identity });
    return {
      app,
      mode: 'socket',
      requestListener: null,
      start: () => app.start().then(() => undefined),
      stop: () => app.stop().then(() => undefined),
      idle: async () => undefined,
    };
  }
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    endpoints: '/slack/events',
    processBeforeResponse: false,
    logLevel,
  });
  const app = new App({ token: options.botToken, receiver, clientOptions, logLevel, ...identity });
  const deferred = createDeferredDispatch(app, options.logger);
  const ackFirst = createAckFirstListener({
    signingSecret: options.signingSecret,
    bolt: receiver.requestListener,
    dispatch: deferred.dispatch,
    logger: options.logger,
  });
  const requestListener = guardTimestamp(ackFirst, options.now);
  const stop = (): Promise<void> => waitAtMost(deferred.idle(), STOP_GRACE_MS);
  return { app, mode: 'http', requestListener, start: async () => undefined, stop, idle: deferred.idle };
}

function checkSecrets(options: SlackAppOptions): void {
  if (options.signingSecret.trim().length === 0) {
    throw new ShiplockBootError(
      'shiplock_slack_signing_secret',
      'SLACK_SIGNING_SECRET is empty: copy it from your Slack app\'s "Basic Information" page.',
    );
  }
  if (!options.botToken.startsWith('xoxb-')) {
    throw new ShiplockBootError(
      'shiplock_slack_bot_token',
      'SLACK_BOT_TOKEN must be a bot token (xoxb-…), from "OAuth & Permissions" after installing the app.',
    );
  }
  if (options.appToken !== undefined && !options.appToken.startsWith('xapp-')) {
    throw new ShiplockBootError(
      'shiplock_slack_app_token',
      'SLACK_APP_TOKEN must be an app-level token (xapp-…) with connections:write, or unset for HTTP mode.',
    );
  }
}

/** Bolt accepts timestamps up to an hour in the future (REFERENCES.md); we refuse both directions. */
function guardTimestamp(next: RequestListener, now: () => number): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const header = req.headers['x-slack-request-timestamp'];
    const ts = Number(Array.isArray(header) ? header[0] : header);
    if (!Number.isInteger(ts) || Math.abs(now() / 1000 - ts) > SLACK_TIMESTAMP_WINDOW_S) {
      res.writeHead(401, { 'content-type': 'text/plain' }).end('stale or missing X-Slack-Request-Timestamp');
      return;
    }
    next(req, res);
  };
}

function waitAtMost(done: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    void done.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
