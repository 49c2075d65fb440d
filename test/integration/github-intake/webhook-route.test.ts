import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sign } from '@octokit/webhooks-methods';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubInbox, type GitHubInbox } from '../../../src/adapters/github/webhook/create-github-inbox.ts';
import {
  createGitHubWebhookRoute,
  MAX_WEBHOOK_BODY_BYTES,
} from '../../../src/adapters/github/webhook/create-github-webhook-route.ts';
import { projectWebhookPayload } from '../../../src/adapters/github/webhook/project-webhook-payload.ts';
import { type RunningServer, startHttpServer } from '../../../src/adapters/http/create-http-server.ts';
import { createLogger } from '../../../src/adapters/log/create-logger.ts';
import { openIntakeDatabase } from './support/open-intake-database.ts';
import { deliver, send } from './support/post-webhook.ts';
import { example } from './support/webhook-examples.ts';

/** `POST /github/webhook` over real HTTP, with a real SQLite inbox and real signatures. */
const SECRET = 'a webhook secret for tests';
// GitHub's documented test vector: https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries
const DOC_SECRET = "It's a Secret to Everybody";
const DOC_PAYLOAD = 'Hello, World!';
const DOC_SIGNATURE = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';

let dir: string;
let db: Database.Database;
let inbox: GitHubInbox;
let server: RunningServer;
let url: string;
let stored: string[];

async function start(secret = SECRET, onStored?: () => void): Promise<void> {
  await server?.close();
  const route = createGitHubWebhookRoute({
    secret,
    inbox,
    clock: { now: () => Date.UTC(2026, 0, 6, 9) },
    logger: createLogger('silent'),
    onStored: onStored ?? (() => stored.push(String(inbox.pending(100).length))),
  });
  server = await startHttpServer({ '/github/webhook': route });
  url = `${server.url}/github/webhook`;
}

const count = (): number => (db.prepare('SELECT count(*) AS n FROM github_inbox').get() as { n: number }).n;

const headers = async (body: string, extra: Record<string, string> = {}): Promise<Record<string, string>> => ({
  'content-type': 'application/json',
  'x-github-event': 'ping',
  'x-github-delivery': 'd-1',
  'x-hub-signature-256': await sign(SECRET, body),
  ...extra,
});

/** A JSON body of exactly `size` bytes. */
const jsonOfSize = (size: number): string => {
  const frame = '{"zen":""}';
  return `{"zen":"${'x'.repeat(size - frame.length)}"}`;
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shiplock-webhook-'));
  db = openIntakeDatabase(join(dir, 'shiplock.db'));
  inbox = createGitHubInbox(db);
  stored = [];
  await start();
});

afterEach(async () => {
  await server.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a verified delivery', () => {
  it('is stored before the answer: 202, then onStored sees it pending', async () => {
    const { event, payload } = example('pull_request', 'opened');
    const answer = await deliver(url, SECRET, event, 'd-opened', payload);
    expect(answer).toMatchObject({ status: 202, json: { ok: true } });
    expect(answer.ms).toBeLessThan(1000);
    expect(stored).toEqual(['1']);
    const row = inbox.find('d-opened');
    expect(row).toMatchObject({ event: 'pull_request', action: 'opened', status: 'pending', attempts: 0 });
    // Only the fields shiplock reads are kept (project-webhook-payload.test.ts), not the PR's body.
    const body = JSON.stringify(payload);
    expect(row?.body).toBe(projectWebhookPayload('pull_request', payload, body));
    expect(row?.body.length).toBeLessThan(body.length / 10);
  });

  it('answers a redelivery of the same X-GitHub-Delivery with 200 duplicate and changes nothing', async () => {
    const { event, payload } = example('pull_request', 'synchronize');
    expect((await deliver(url, SECRET, event, 'd-same', payload)).status).toBe(202);
    const before = inbox.find('d-same');
    const again = await deliver(url, SECRET, event, 'd-same', { ...payload, action: 'closed' });
    expect(again).toMatchObject({ status: 200, json: { ok: true, duplicate: true } });
    expect(inbox.find('d-same')).toEqual(before);
    expect(count()).toBe(1);
    expect(stored).toHaveLength(1);
  });

  it('accepts a body of exactly 1 MiB', async () => {
    const body = jsonOfSize(MAX_WEBHOOK_BODY_BYTES);
    expect(Buffer.byteLength(body)).toBe(1_048_576);
    const answer = await send({ url, body, headers: await headers(body) });
    expect(answer.status).toBe(202);
    expect(count()).toBe(1);
  });

  it("verifies GitHub's documented test vector; the signed body is not JSON: stored as failed, 400", async () => {
    expect(await sign(DOC_SECRET, DOC_PAYLOAD)).toBe(DOC_SIGNATURE);
    await start(DOC_SECRET);
    const answer = await send({
      url,
      body: DOC_PAYLOAD,
      headers: { ...(await headers(DOC_PAYLOAD)), 'x-hub-signature-256': DOC_SIGNATURE, 'x-github-delivery': 'd-doc' },
    });
    expect(answer.status).toBe(400);
    expect(String(answer.json.error)).toMatch(/^shiplock_github_webhook_malformed_json: /);
    expect(inbox.find('d-doc')).toMatchObject({ status: 'failed', body: DOC_PAYLOAD, action: null });
    expect(inbox.pending(10)).toEqual([]);
    expect(stored).toEqual([]);
  });

  it('still answers 202 when starting the processing throws', async () => {
    await start(SECRET, () => {
      throw new Error('boom');
    });
    const { event, payload } = example('ping');
    expect((await deliver(url, SECRET, event, 'd-ping', payload)).status).toBe(202);
    expect(count()).toBe(1);
  });
});

describe('refusals store nothing', () => {
  it('401 for a forged signature (the documented vector with one digit changed)', async () => {
    await start(DOC_SECRET);
    const forged = `${DOC_SIGNATURE.slice(0, -1)}f`;
    const answer = await send({
      url,
      body: DOC_PAYLOAD,
      headers: { ...(await headers(DOC_PAYLOAD)), 'x-hub-signature-256': forged },
    });
    expect(answer.status).toBe(401);
    expect(String(answer.json.error)).toMatch(/^shiplock_github_webhook_signature: /);
    expect(count()).toBe(0);
  });

  it('401 for a body signed with another secret, and for a missing signature', async () => {
    const body = JSON.stringify(example('ping').payload);
    const other = { 'x-hub-signature-256': await sign('not the secret', body) };
    expect((await send({ url, body, headers: await headers(body, other) })).status).toBe(401);
    const missing = await headers(body);
    delete missing['x-hub-signature-256'];
    expect((await send({ url, body, headers: missing })).status).toBe(401);
    expect(count()).toBe(0);
    expect(stored).toEqual([]);
  });

  it.each(['x-github-event', 'x-github-delivery'])('400 without %s', async (name) => {
    const body = JSON.stringify(example('ping').payload);
    const h = await headers(body);
    delete h[name];
    const answer = await send({ url, body, headers: h });
    expect(answer.status).toBe(400);
    expect(String(answer.json.error)).toMatch(/^shiplock_github_webhook_headers: /);
    expect(count()).toBe(0);
  });

  it('415 for a form-encoded webhook, saying to set the content type to application/json', async () => {
    const body = `payload=${encodeURIComponent(JSON.stringify(example('ping').payload))}`;
    const answer = await send({
      url,
      body,
      headers: await headers(body, { 'content-type': 'application/x-www-form-urlencoded' }),
    });
    expect(answer.status).toBe(415);
    expect(String(answer.json.error)).toContain('application/json');
    expect(count()).toBe(0);
  });

  it('405 for anything but POST', async () => {
    const answer = await send({ url, body: '', headers: {}, method: 'GET' });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('POST');
  });

  it('413 from content-length, before reading the body', async () => {
    const body = jsonOfSize(MAX_WEBHOOK_BODY_BYTES + 1);
    const answer = await send({ url, body, headers: await headers(body) });
    expect(answer.status).toBe(413);
    expect(String(answer.json.error)).toMatch(/^shiplock_github_webhook_too_large: /);
    expect(count()).toBe(0);
  });

  it('413 while streaming a chunked body without content-length', async () => {
    const body = jsonOfSize(3 * MAX_WEBHOOK_BODY_BYTES);
    const answer = await send({ url, body, headers: await headers(body), chunked: true });
    expect(answer.status).toBe(413);
    expect(count()).toBe(0);
    expect(stored).toEqual([]);
  });

  it('500 when the inbox cannot store the delivery, so GitHub shows it failed and it can be redelivered', async () => {
    await server.close();
    const route = createGitHubWebhookRoute({
      secret: SECRET,
      inbox: {
        storeAll: () => {
          throw new Error('SQLITE_FULL: database or disk is full');
        },
      },
      clock: { now: () => 0 },
      logger: createLogger('silent'),
      onStored: () => stored.push('called'),
    });
    server = await startHttpServer({ '/github/webhook': route });
    const { event, payload } = example('ping');
    const answer = await deliver(`${server.url}/github/webhook`, SECRET, event, 'd-full', payload);
    expect(answer.status).toBe(500);
    expect(String(answer.json.error)).toMatch(/^shiplock_github_inbox_unavailable: /);
    expect(stored).toEqual([]);
  });

  it('refuses to build without a secret', () => {
    const build = () =>
      createGitHubWebhookRoute({
        secret: '',
        inbox,
        clock: { now: () => 0 },
        logger: createLogger('silent'),
        onStored: () => {},
      });
    expect(build).toThrow(/^shiplock_github_webhook_secret: /);
  });
});
