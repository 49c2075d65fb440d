import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../../src/adapters/db/create-sqlite-store.ts';
import {
  createGitHubInbox,
  type GitHubInbox,
  type StoreOutcome,
} from '../../../src/adapters/github/webhook/create-github-inbox.ts';
import { createGitHubWebhookRoute } from '../../../src/adapters/github/webhook/create-github-webhook-route.ts';
import {
  createInboxProcessor,
  type InboxProcessorOptions,
  type PullRequestEvent,
} from '../../../src/adapters/github/webhook/create-inbox-processor.ts';
import { startHttpServer } from '../../../src/adapters/http/create-http-server.ts';
import { createLogger } from '../../../src/adapters/log/create-logger.ts';
import { createShell } from '../../../src/shell/create-shell.ts';
import { createRecordingPorts } from '../../fakes/create-recording-ports.ts';
import { POLICY } from '../../support/core-fixtures.ts';
import { createFakeGitHub, type FakeGitHub, snapshot } from './support/fake-github-api.ts';
import { openIntakeDatabase } from './support/open-intake-database.ts';
import { deliver } from './support/post-webhook.ts';
import { EXAMPLE_REPO, EXAMPLE_SHA, example } from './support/webhook-examples.ts';

/** Failures while processing: hostile bodies, GitHub errors, crashes. Real SQLite files throughout. */
const T0 = Date.UTC(2026, 0, 6, 9);
const OTHER_SHA = 'f'.repeat(40);

let dir: string;
let file: string;
let db: Database.Database;
let inbox: GitHubInbox;
let github: FakeGitHub;
let now: number;
let events: PullRequestEvent[];

const clock = { now: () => now };

function processor(overrides: Partial<InboxProcessorOptions> = {}) {
  let ids = 0;
  return createInboxProcessor({
    inbox,
    api: github.api,
    isConfigured: () => true,
    sink: (event) => events.push(event),
    newRolloutId: () => `r-${++ids}`,
    clock,
    logger: createLogger('silent'),
    onCheckCompleted: () => {},
    retryBaseMs: 1000,
    ...overrides,
  });
}

function put(deliveryId: string, event: string, body: string, outcome: StoreOutcome = 'stored'): void {
  expect(inbox.store({ deliveryId, event, receivedAt: now, body })).toBe(outcome);
  now += 1;
}

const opened = (): string => JSON.stringify(example('pull_request', 'opened').payload);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shiplock-inbox-'));
  file = join(dir, 'shiplock.db');
  db = openIntakeDatabase(file);
  inbox = createGitHubInbox(db, { clock });
  github = createFakeGitHub();
  github.put(snapshot(EXAMPLE_REPO, 2, EXAMPLE_SHA));
  now = T0;
  events = [];
});

afterEach(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hostile bodies', () => {
  it('a malformed body is marked failed with the reason and the loop goes on', async () => {
    const broken = example('pull_request', 'opened').payload;
    put('d-shape', 'pull_request', JSON.stringify({ ...broken, pull_request: { number: 'two' } }));
    put('d-null', 'pull_request', 'null');
    // Not JSON: refused when stored (the route answers 400), so processing never sees it.
    put('d-text', 'check_run', 'not json', 'malformed');
    put('d-sha', 'check_suite', JSON.stringify({ ...example('check_suite', 'completed').payload, check_suite: {} }));
    put('d-good', 'pull_request', opened());
    await processor().drain();
    expect(inbox.find('d-shape')).toMatchObject({ status: 'failed' });
    expect(inbox.find('d-shape')?.lastError).toMatch(/^shiplock_github_webhook_payload: pull_request payload .*number/);
    expect(inbox.find('d-null')?.lastError).toMatch(/^shiplock_github_webhook_payload: pull_request payload \(root\)/);
    expect(inbox.find('d-text')?.lastError).toMatch(/^shiplock_github_webhook_malformed_json: /);
    expect(inbox.find('d-sha')?.lastError).toMatch(/check_suite\.head_sha/);
    expect(inbox.find('d-good')?.status).toBe('done');
    expect(events.map((e) => e.type)).toEqual(['PullRequestOpened']);
  });
});

describe('GitHub failures leave the delivery pending, with backoff', () => {
  it('retries later and completes it, reaching the sink once', async () => {
    github.failing.add('listCommitAuthors');
    const p = processor();
    put('d-1', 'pull_request', opened());
    await p.drain();
    expect(events).toEqual([]);
    expect(inbox.find('d-1')).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: now + 1000 });
    expect(inbox.find('d-1')?.lastError).toMatch(/^shiplock_github_unavailable: /);

    github.failing.clear();
    await p.drain(); // not due yet
    expect(events).toEqual([]);
    now += 1000;
    await p.drain();
    expect(events).toHaveLength(1);
    expect(inbox.find('d-1')).toMatchObject({ status: 'done', attempts: 1 });
    await p.drain();
    expect(events).toHaveLength(1);
  });

  it('doubles the delay and gives up after maxAttempts (the reconciler still catches the PR up)', async () => {
    github.failing.add('getPullRequest');
    const p = processor({ maxAttempts: 3 });
    put('d-1', 'pull_request', opened());
    const delays: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      await p.drain();
      const row = inbox.find('d-1');
      if (row?.status === 'pending') delays.push(row.nextAttemptAt - now);
      now += 10_000;
    }
    expect(delays).toEqual([1000, 2000]);
    expect(inbox.find('d-1')).toMatchObject({ status: 'failed' });
    expect(inbox.find('d-1')?.lastError).toMatch(/^gave up after 3 attempts: shiplock_github_unavailable/);
  });

  it('a sink that throws leaves the delivery pending for the next drain', async () => {
    let down = true;
    const p = processor({
      sink: (e) => {
        if (down) throw new Error('database is locked');
        events.push(e);
      },
    });
    put('d-1', 'pull_request', JSON.stringify(example('pull_request', 'closed').payload));
    await p.drain();
    expect(inbox.find('d-1')).toMatchObject({ status: 'pending', attempts: 1 });
    down = false;
    now += 1000;
    await p.drain();
    expect(events.map((e) => e.type)).toEqual(['PullRequestClosed']);
  });
});

describe('stale deliveries never supersede a newer head', () => {
  it.each([
    ['the head moved on', { headSha: OTHER_SHA }, `stale: the head is ${OTHER_SHA} now`],
    ['the PR is closed now', { state: 'closed' as const }, 'the pull request is closed now'],
    ['the PR is a draft now', { draft: true }, 'the pull request is a draft now'],
  ])('ignored when %s', async (_name, live, reason) => {
    github.put(snapshot(EXAMPLE_REPO, 2, EXAMPLE_SHA, live));
    put('d-1', 'pull_request', JSON.stringify(example('pull_request', 'synchronize').payload));
    await processor().drain();
    expect(events).toEqual([]);
    expect(inbox.find('d-1')).toMatchObject({ status: 'ignored', lastError: reason });
  });
});

describe('crashes', () => {
  it('between store and processing: after a restart the drain delivers exactly once', async () => {
    const route = createGitHubWebhookRoute({
      secret: 's',
      inbox,
      clock,
      logger: createLogger('silent'),
      onStored: () => {}, // the process dies before processing starts
    });
    const server = await startHttpServer({ '/github/webhook': route });
    const ex = example('pull_request', 'opened');
    expect((await deliver(`${server.url}/github/webhook`, 's', ex.event, 'd-crash', ex.payload)).status).toBe(202);
    await server.close();
    db.close();

    db = openIntakeDatabase(file);
    inbox = createGitHubInbox(db, { clock });
    const p = processor();
    await Promise.all([p.drain(), p.drain()]);
    await p.drain();
    expect(events.map((e) => e.type)).toEqual(['PullRequestOpened']);
    expect(inbox.find('d-crash')?.status).toBe('done');
  });

  it('between sink and markDone: the event is handed over again and the core keeps one rollout', async () => {
    const store = createSqliteStore(db);
    const shell = createShell({
      store,
      ports: createRecordingPorts().ports,
      clock,
      policyFor: () => POLICY,
      logger: createLogger('silent'),
    });
    // The process dies right after the sink returned: markDone never happens.
    const crashing = { ...inbox, markDone: () => {} };
    put('d-1', 'pull_request', opened());
    await processor({ inbox: crashing, sink: (e) => shell.handle(e) }).drain();
    await shell.idle();
    shell.stop();
    db.close();

    db = openIntakeDatabase(file);
    inbox = createGitHubInbox(db, { clock });
    const store2 = createSqliteStore(db);
    const shell2 = createShell({
      store: store2,
      ports: createRecordingPorts().ports,
      clock,
      policyFor: () => POLICY,
      logger: createLogger('silent'),
    });
    const handled: PullRequestEvent[] = [];
    const sink = (e: PullRequestEvent): void => {
      handled.push(e);
      shell2.handle(e);
    };
    const p = processor({ sink, newRolloutId: () => 'r-after-crash' });
    await p.drain();
    await shell2.idle();
    shell2.stop();
    expect(handled).toHaveLength(1); // at least once: the sink saw it again…
    const state = store2.loadPullRequest(`${EXAMPLE_REPO}#2`);
    expect(state?.rollouts.map((r) => r.id)).toEqual(['r-1']); // …and the core ignored the same head
    expect(inbox.find('d-1')?.status).toBe('done');
  });
});
