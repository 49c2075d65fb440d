import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningServer, startHttpServer } from '../../../src/adapters/http/create-http-server.ts';
import { createLogger } from '../../../src/adapters/log/create-logger.ts';
import { createSlackApp, type SlackApp } from '../../../src/adapters/slack/create-slack-app.ts';
import { signSlackRequest } from '../../../src/sandbox/slack/index.ts';

/**
 * shiplock's HTTP receiver on a real loopback server with real signatures: a signed `block_actions`
 * click is answered 200 before Bolt's middleware and listeners run (issue 3); forged, stale, garbled
 * and oversized requests are refused before anything reaches Bolt; everything else keeps Bolt's path.
 */
const SECRET = 'receiver-signing-secret';
const FORM = 'application/x-www-form-urlencoded';

let slackApp: SlackApp;
let server: RunningServer;
/** What reached Bolt's middleware, and what the listeners did, in order. */
let log: string[];
/** While set, Bolt's global middleware waits on it before any listener runs. */
let hold: Promise<void> | null;

beforeAll(async () => {
  slackApp = createSlackApp({
    signingSecret: SECRET,
    botToken: 'xoxb-test',
    logger: createLogger('silent'),
    now: () => Date.now(),
    identity: { botUserId: 'UBOT', botId: 'BBOT' },
  });
  const { app } = slackApp;
  app.use(async ({ body, next }) => {
    log.push(`bolt saw ${'type' in body ? body.type : 'a command'}`);
    if (hold !== null) await hold;
    await next();
  });
  app.action('approve', async ({ ack, body }) => {
    await ack();
    log.push(`approve by ${body.user.id}`);
  });
  app.command('/shiplock', async ({ ack }) => {
    await ack('status: nothing to deploy');
  });
  app.view('reject_modal', async ({ ack }) => {
    await ack({ response_action: 'errors', errors: { reason: 'Say why.' } });
  });
  server = await startHttpServer({ '/slack/events': slackApp.requestListener ?? (() => undefined) });
});

afterAll(() => server.close());

beforeEach(() => {
  log = [];
  hold = null;
});

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

const clickBody = (user = 'UBOB', extra: Record<string, unknown> = {}): string =>
  new URLSearchParams({
    payload: JSON.stringify({
      type: 'block_actions',
      user: { id: user },
      team: { id: 'T0TEAM' },
      actions: [{ type: 'button', action_id: 'approve', block_id: 'b', value: 'v', action_ts: '1' }],
      ...extra,
    }),
  }).toString();

interface Send {
  readonly body: string;
  readonly contentType?: string;
  readonly secret?: string;
  readonly skewSeconds?: number;
  readonly signature?: string;
  readonly unsigned?: boolean;
  /** Sent instead of `body`, with `body`'s signature. */
  readonly tampered?: string;
}

async function send(options: Send): Promise<{ status: number; text: string }> {
  const timestamp = nowSeconds() + (options.skewSeconds ?? 0);
  const signature = options.signature ?? signSlackRequest(options.secret ?? SECRET, timestamp, options.body);
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? FORM,
    ...(options.unsigned === true
      ? {}
      : { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature }),
  };
  const response = await fetch(`${server.url}/slack/events`, {
    method: 'POST',
    headers,
    body: options.tampered ?? options.body,
  });
  return { status: response.status, text: await response.text() };
}

/** Everything acknowledged ahead of Bolt has been through it, and one more turn has passed. */
async function settled(): Promise<void> {
  await slackApp.idle();
  await new Promise((resolve) => setImmediate(resolve));
}

describe('a signed block_actions click is acknowledged before Bolt runs', () => {
  it('answers 200 while Bolt middleware is still holding the click, then runs the same listener', async () => {
    let release = (): void => undefined;
    hold = new Promise((resolve) => {
      release = resolve;
    });
    const answer = await send({ body: clickBody('UBOB') });
    expect(answer).toEqual({ status: 200, text: '' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log).toEqual(['bolt saw block_actions']);
    release();
    await settled();
    expect(log).toEqual(['bolt saw block_actions', 'approve by UBOB']);
  });

  it('acknowledges a burst of clicks and dispatches each of them once', async () => {
    const users = Array.from({ length: 50 }, (_, i) => `U${i}`);
    const answers = await Promise.all(users.map((user) => send({ body: clickBody(user) })));
    await settled();
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(log.filter((line) => line.startsWith('approve by')).sort()).toEqual(
      users.map((u) => `approve by ${u}`).sort(),
    );
  });
});

describe('a signed form shaped like a click but not one', () => {
  it('is acknowledged unparsed, then dropped: Bolt never sees it', async () => {
    const garbled = `payload=${encodeURIComponent('{"type":"block_actions", not json')}`;
    const answer = await send({ body: garbled });
    await settled();
    expect(answer).toEqual({ status: 200, text: '' });
    expect(log).toEqual([]);
  });
});

describe('refused before anything reaches Bolt', () => {
  const body = clickBody();
  it.each<[string, number, Send]>([
    ['a click signed with another secret', 401, { body, secret: 'not-the-secret' }],
    ['a click whose timestamp is 6 minutes old', 401, { body, skewSeconds: -360 }],
    ['a click whose timestamp is 6 minutes in the future', 401, { body, skewSeconds: 360 }],
    ['a click without signature headers', 401, { body, unsigned: true }],
    ['a click with a signature of another scheme', 401, { body, signature: 'v1=00' }],
    ['a click whose body changed after signing', 401, { body, tampered: clickBody('UEVE') }],
    ['a garbled body with a forged signature', 401, { body: 'payload=%7Bnot-json', secret: 'not-the-secret' }],
    ['a signed body that is not JSON (Bolt answers it)', 400, { body: 'payload=%7Bnot-json' }],
    ["a signed click over Bolt's 4 MB body limit", 413, { body: clickBody('UBOB', { pad: 'x'.repeat(4_200_000) }) }],
  ])('%s: %i', async (_name, status, options) => {
    const answer = await send(options);
    await settled();
    expect(answer.status).toBe(status);
    expect(log).toEqual([]);
  });

  it('an unsigned ssl_check smuggling a click is answered by Bolt and dispatches nothing (bolt-js #2897)', async () => {
    const answer = await send({ body: `ssl_check=1&${clickBody()}`, secret: 'not-the-secret' });
    await settled();
    expect(answer.status).toBe(200);
    expect(log).toEqual([]);
  });

  it('answers other methods 404 instead of throwing out of the server', async () => {
    const response = await fetch(`${server.url}/slack/events`, {
      headers: { 'x-slack-request-timestamp': String(nowSeconds()) },
    });
    expect(response.status).toBe(404);
    expect((await send({ body: clickBody() })).status).toBe(200);
    await settled();
  });
});

describe('everything else keeps Bolt’s path, whose ack may carry the answer', () => {
  it('a slash command answers with the body its listener acked with', async () => {
    const body = new URLSearchParams({ command: '/shiplock', text: 'status', user_id: 'UBOB', team_id: 'T0TEAM' });
    const answer = await send({ body: body.toString() });
    expect(answer).toEqual({ status: 200, text: 'status: nothing to deploy' });
  });

  it('a view_submission answers with its response_action errors', async () => {
    const payload = {
      type: 'view_submission',
      user: { id: 'UBOB' },
      team: { id: 'T0TEAM' },
      view: { id: 'V1', callback_id: 'reject_modal', state: { values: {} }, private_metadata: '' },
    };
    const answer = await send({ body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString() });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ response_action: 'errors', errors: { reason: 'Say why.' } });
  });

  it('url_verification echoes the challenge; a forged one is refused by Bolt', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 't' });
    const answer = await send({ body, contentType: 'application/json' });
    expect(answer).toEqual({ status: 200, text: JSON.stringify({ challenge: 'c-123' }) });
    const forged = await send({ body, contentType: 'application/json', secret: 'not-the-secret' });
    expect(forged.status).toBe(401);
  });
});
