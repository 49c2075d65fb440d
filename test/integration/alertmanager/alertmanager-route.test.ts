/**
 * `POST /alertmanager/webhook` over real HTTP on loopback, fed the payloads a real Alertmanager
 * 0.25 sent (fixtures/, captured with their headers; see SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAlertmanagerRoute } from '../../../src/adapters/alertmanager/create-alertmanager-route.ts';
import { createLabelRolloutResolver } from '../../../src/adapters/alertmanager/create-label-rollout-resolver.ts';
import { type RunningServer, startHttpServer } from '../../../src/adapters/http/create-http-server.ts';
import { createLogger } from '../../../src/adapters/log/create-logger.ts';
import type { Event } from '../../../src/core/types.ts';

interface Capture {
  readonly headers: Record<string, string>;
  readonly body: { alerts: { labels: Record<string, string> }[] } & Record<string, unknown>;
}

function fixture(n: number): Capture {
  return JSON.parse(readFileSync(new URL(`./fixtures/alertmanager-webhook-${n}.json`, import.meta.url), 'utf8'));
}

/** The fixture's body with the labels a canary alert carries (the captures have none of ours). */
function asCanary(n: number, labels: Record<string, string> = { track: 'canary' }): Capture['body'] {
  const body = fixture(n).body;
  return { ...body, alerts: body.alerts.map((a) => ({ ...a, labels: { ...a.labels, ...labels } })) };
}

const NOW = 1_700_000_000_000;
let server: RunningServer;
let events: Event[];
let logLines: string[];
let failHandle: boolean;
let liveCanary: boolean;
let alertedBefore: boolean;

async function start(options: { bearerToken?: string; maxBodyBytes?: number } = {}): Promise<void> {
  const resolveRollout = createLabelRolloutResolver({
    isKnownRollout: (id) => id === 'r7',
    activeRolloutOfService: (service) => (service === 'web' && liveCanary ? 'r1' : null),
    rolloutOfAlert: (service, id) => (service === 'web' && id === '4fbdd339671b5011' && alertedBefore ? 'r5' : null),
  });
  const logger = createLogger(
    'info',
    new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    }),
  );
  const route = createAlertmanagerRoute({
    ...options,
    resolveRollout,
    handle: (event) => {
      if (failHandle) throw new Error('database is locked');
      events.push(event);
    },
    clock: { now: () => NOW },
    logger,
  });
  server = await startHttpServer({ '/alertmanager/webhook': route });
}

async function post(body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${server.url}/alertmanager/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Alertmanager/0.25.0', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

beforeEach(() => {
  events = [];
  logLines = [];
  failHandle = false;
  liveCanary = true;
  alertedBefore = true;
});
afterEach(() => server.close());

describe('Alertmanager webhook (version 4)', () => {
  it('a firing canary alert (service + track="canary") becomes one CanaryAlertReceived for the active rollout', async () => {
    await start();
    const res = await post(asCanary(2));
    expect(res).toEqual({ status: 200, json: { ok: true, mapped: 1, unmapped: 0 } });
    expect(events).toEqual([
      {
        type: 'CanaryAlertReceived',
        at: NOW,
        rolloutId: 'r1',
        alert: {
          id: '4fbdd339671b5011',
          status: 'firing',
          name: 'CanaryFailed',
          summary: 'canary 5xx',
          labels: { alertname: 'CanaryFailed', service: 'web', severity: 'warning', track: 'canary' },
          annotations: {},
          startsAt: Date.parse('2026-11-23T19:55:48Z'),
          endsAt: null,
        },
      },
    ]);
  });

  it('the resolved notification goes back to the rollout the alert was about, with its end time', async () => {
    await start();
    await post(asCanary(3));
    expect(events[0]).toMatchObject({
      rolloutId: 'r5',
      alert: { id: '4fbdd339671b5011', status: 'resolved', endsAt: Date.parse('2026-11-23T19:55:52Z') },
    });
  });

  it('firing with no live canary goes to the rollout it was about; resolved with no history to the live one', async () => {
    await start();
    liveCanary = false;
    await post(asCanary(2));
    liveCanary = true;
    alertedBefore = false;
    await post(asCanary(3));
    expect(events.map((e) => 'rolloutId' in e && e.rolloutId)).toEqual(['r5', 'r1']);
  });

  it('an explicit shiplock_rollout label wins; an unknown one maps to nothing', async () => {
    await start();
    await post(asCanary(1, { shiplock_rollout: 'r7' }));
    expect(events.map((e) => 'rolloutId' in e && e.rolloutId)).toEqual(['r7']);
    expect(events[0]).toMatchObject({
      alert: { name: 'DeployErrorRateHigh', summary: 'Error rate above SLO after deploy', annotations: {} },
    });
    const unknown = await post(asCanary(1, { shiplock_rollout: 'r8' }));
    expect(unknown).toEqual({ status: 200, json: { ok: true, mapped: 0, unmapped: 1 } });
  });

  it.each([
    ['a production alert (no track label)', () => fixture(1).body],
    ['a canary alert of a service with no live canary', () => asCanary(1)],
    ['a baseline alert', () => asCanary(2, { track: 'baseline' })],
    [
      'a fingerprint we cannot carry',
      () => ({ ...asCanary(2), alerts: [{ ...asCanary(2).alerts[0], fingerprint: 'x|y' }] }),
    ],
  ])('%s is acknowledged (200), logged and not recorded', async (_name, body) => {
    await start();
    const res = await post(body());
    expect(res).toEqual({ status: 200, json: { ok: true, mapped: 0, unmapped: 1 } });
    expect(events).toEqual([]);
    expect(logLines.join('')).toContain('maps to no rollout');
  });

  it.each([
    ['not JSON', '{"version":'],
    ['another version', { ...asCanary(2), version: '3' }],
    ['no alerts array', { ...asCanary(2), alerts: undefined }],
    [
      'an alert status that does not exist',
      { ...asCanary(2), alerts: [{ ...asCanary(2).alerts[0], status: 'pending' }] },
    ],
    [
      'a label that is not a string',
      { ...asCanary(2), alerts: [{ ...asCanary(2).alerts[0], labels: { service: 1 } }] },
    ],
    ['a start that is not a time', { ...asCanary(2), alerts: [{ ...asCanary(2).alerts[0], startsAt: 'yesterday' }] }],
  ])('a malformed body (%s) gets 400 and nothing is recorded, not even its good alerts', async (_name, body) => {
    await start();
    const mixed =
      typeof body === 'string'
        ? body
        : { ...body, alerts: [...(asCanary(2).alerts ?? []), ...((body.alerts as unknown[]) ?? [])] };
    const res = await post(typeof body === 'string' || body.alerts === undefined ? body : mixed);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json)).toContain('shiplock_alertmanager_malformed');
    expect(events).toEqual([]);
  });

  it('with a bearer token configured: missing or wrong → 401, right → 200', async () => {
    await start({ bearerToken: 's3cret-token' });
    expect((await post(asCanary(2))).status).toBe(401);
    expect((await post(asCanary(2), { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await post(asCanary(2), { authorization: 's3cret-token' })).status).toBe(401);
    expect(events).toEqual([]);
    expect((await post(asCanary(2), { authorization: 'Bearer s3cret-token' })).status).toBe(200);
    expect(events).toHaveLength(1);
  });

  it('an oversize body gets 413 (declared or streamed) and nothing is recorded', async () => {
    await start({ maxBodyBytes: 2048 });
    const big = { ...asCanary(2), padding: 'x'.repeat(4096) };
    expect((await post(big)).status).toBe(413);
    const res = await fetch(`${server.url}/alertmanager/webhook`, {
      method: 'POST',
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(JSON.stringify(big)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(events).toEqual([]);
  });

  it('only POST is accepted; a failure to record answers 500 so Alertmanager retries', async () => {
    await start();
    const get = await fetch(`${server.url}/alertmanager/webhook`);
    expect(get.status).toBe(405);
    failHandle = true;
    expect((await post(asCanary(2))).status).toBe(500);
  });

  it('refuses to build with an empty bearer token', () => {
    expect(() =>
      createAlertmanagerRoute({
        bearerToken: '',
        resolveRollout: () => null,
        handle: () => undefined,
        clock: { now: () => NOW },
        logger: createLogger('silent'),
      }),
    ).toThrow(/shiplock_alertmanager_token/);
  });
});
