import { performance } from 'node:perf_hooks';
import { signSlackRequest } from './sign-slack-request.ts';

/** Ways to forge a delivery, so tests can prove the bot refuses it. */
export interface ForgeOptions {
  /** Sign with this secret instead of the real one. */
  readonly signingSecret?: string;
  /** Move `X-Slack-Request-Timestamp` by this many seconds (negative: in the past). */
  readonly timestampSkewSeconds?: number;
  /** Send this exact `X-Slack-Signature` instead of computing one. */
  readonly signature?: string;
  /** Leave out both signature headers. */
  readonly omitSignature?: boolean;
}

/** Where and how to deliver one interaction. */
export interface DeliveryOptions {
  /** The bot's endpoint, e.g. `http://127.0.0.1:3000/slack/events` (default: the stand-in's `appUrl`). */
  readonly url?: string;
  readonly forge?: ForgeOptions;
  /** Extra headers, e.g. `X-Slack-Retry-Num` to simulate a Slack retry. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** What the bot answered. */
export interface DeliveryResult {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The body parsed as JSON, when it is JSON. */
  readonly json: unknown;
  /** Time from sending to the complete answer, in milliseconds (an acknowledgement's latency). */
  readonly elapsedMs: number;
  /** The exact bytes that were signed and sent. */
  readonly rawBody: string;
}

/** Everything {@link deliverToApp} needs. */
export interface Delivery {
  readonly url: string;
  readonly rawBody: string;
  readonly contentType: 'application/x-www-form-urlencoded' | 'application/json';
  readonly signingSecret: string;
  /** Seconds since the epoch, before any forged skew. */
  readonly timestamp: number;
  readonly forge?: ForgeOptions | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * POSTs a body to the bot exactly as Slack does: the raw bytes, Slack's `Content-Type` (no charset,
 * which Bolt's receiver matches exactly), `X-Slack-Request-Timestamp` and `X-Slack-Signature`.
 */
export async function deliverToApp(delivery: Delivery): Promise<DeliveryResult> {
  const { forge } = delivery;
  const timestamp = delivery.timestamp + (forge?.timestampSkewSeconds ?? 0);
  const signature =
    forge?.signature ?? signSlackRequest(forge?.signingSecret ?? delivery.signingSecret, timestamp, delivery.rawBody);
  const headers: Record<string, string> = {
    'Content-Type': delivery.contentType,
    'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    ...(forge?.omitSignature === true
      ? {}
      : { 'X-Slack-Request-Timestamp': String(timestamp), 'X-Slack-Signature': signature }),
    ...delivery.headers,
  };
  const started = performance.now();
  const response = await fetch(delivery.url, { method: 'POST', headers, body: delivery.rawBody });
  const body = await response.text();
  const elapsedMs = performance.now() - started;
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers.entries()),
    body,
    json: parseJson(body),
    elapsedMs,
    rawBody: delivery.rawBody,
  };
}
