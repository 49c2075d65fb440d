import { performance } from 'node:perf_hooks';
import { ErrorCode } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock, createSlackStandIn, type SlackStandIn } from '../../../src/sandbox/slack/index.ts';
import { createClient } from './create-client.ts';

/** Rate limits (configured and forced), forced failures and injected latency. */
const clock = createManualClock(Date.UTC(2025, 0, 6, 9, 0, 0));
let slack: SlackStandIn;
let cardTs: string;

const rejecting = () => createClient(slack, slack.bot.token, { rejectRateLimitedCalls: true });
const update = (client = rejecting()) => client.chat.update({ channel: 'C0DEPLOYS', ts: cardTs, text: 'tick' });

beforeAll(async () => {
  slack = await createSlackStandIn({
    clock: clock.now,
    rateLimits: { 'chat.update': { perMinute: 3 }, 'chat.postMessage': { perSecondPerChannel: 1 } },
  });
  cardTs = (await createClient(slack).chat.postMessage({ channel: 'C0DEPLOYS', text: 'card' })).ts ?? '';
});
afterAll(() => slack.close());

describe('configured limits', () => {
  it('answers HTTP 429 with Retry-After once a method is over its per-minute limit', async () => {
    for (let n = 0; n < 3; n += 1) await update();
    clock.advance(15_000);
    const error = await update().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 45 });
    const raw = await fetch(`${slack.apiUrl}chat.update`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${slack.bot.token}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ channel: 'C0DEPLOYS', ts: cardTs, text: 'x' }).toString(),
    });
    expect(raw.status).toBe(429);
    expect(raw.headers.get('retry-after')).toBe('45');
    expect(await raw.json()).toEqual({ ok: false, error: 'ratelimited' });
  });

  it('lets calls through again once the window has slid past', async () => {
    clock.advance(45_000);
    await expect(update()).resolves.toMatchObject({ ok: true });
  });

  it('limits chat.postMessage per channel per second', async () => {
    const client = rejecting();
    clock.advance(1_000);
    await client.chat.postMessage({ channel: 'C0ALERTS', text: 'first' });
    const error = await client.chat.postMessage({ channel: 'C0ALERTS', text: 'second' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 1 });
    await expect(client.chat.postMessage({ channel: 'C0AUDIT', text: 'other channel' })).resolves.toMatchObject({
      ok: true,
    });
  });
});

describe('forced failures', () => {
  it('surfaces a forced 429 as a rate-limit error when the client rejects rate-limited calls', async () => {
    clock.advance(60_000);
    slack.failNext('chat.update', { status: 429, retryAfter: 7 });
    expect(await update().catch((e: unknown) => e)).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 7 });
    await expect(update()).resolves.toMatchObject({ ok: true });
  });

  it('is waited out by the default client, which sleeps Retry-After and retries', async () => {
    clock.advance(60_000);
    slack.failNext('chat.update', { retryAfter: 1 });
    const before = slack.callsTo('chat.update').length;
    const started = performance.now();
    await expect(update(createClient(slack))).resolves.toMatchObject({ ok: true });
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect(
      slack
        .callsTo('chat.update')
        .slice(before)
        .map((call) => call.status),
    ).toEqual([429, 200]);
  });

  it('forces a Slack error (HTTP 200) or a server error', async () => {
    clock.advance(60_000);
    slack.failNext('chat.update', { error: 'message_not_found', times: 2 });
    expect(await update().catch((e: unknown) => e)).toMatchObject({ data: { ok: false, error: 'message_not_found' } });
    expect(await update().catch((e: unknown) => e)).toMatchObject({ data: { error: 'message_not_found' } });
    slack.failNext('chat.update', { status: 503 });
    const noRetry = createClient(slack, slack.bot.token, { retryConfig: { retries: 0 } });
    expect(await update(noRetry).catch((e: unknown) => e)).toMatchObject({
      code: ErrorCode.HTTPError,
      statusCode: 503,
    });
  });
});

describe('latency', () => {
  it('delays one method without slowing the others', async () => {
    const client = createClient(slack);
    slack.setLatency('users.info', 300);
    const slow = performance.now();
    await client.users.info({ user: 'U0ALICE' });
    expect(performance.now() - slow).toBeGreaterThanOrEqual(290);
    const fast = performance.now();
    await client.auth.test();
    expect(performance.now() - fast).toBeLessThan(250);
    slack.setLatency('users.info', undefined);
  });
});
