import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubInbox, type GitHubInbox } from '../../../src/adapters/github/webhook/create-github-inbox.ts';
import { createGitHubWebhookRoute } from '../../../src/adapters/github/webhook/create-github-webhook-route.ts';
import {
  createInboxProcessor,
  type InboxProcessor,
  type PullRequestEvent,
} from '../../../src/adapters/github/webhook/create-inbox-processor.ts';
import { type RunningServer, startHttpServer } from '../../../src/adapters/http/create-http-server.ts';
import { createLogger } from '../../../src/adapters/log/create-logger.ts';
import { createFakeGitHub, type FakeGitHub, snapshot } from './support/fake-github-api.ts';
import { openIntakeDatabase } from './support/open-intake-database.ts';
import { deliver } from './support/post-webhook.ts';
import { draftOpened, EXAMPLE_REPO, EXAMPLE_SHA, type Example, example } from './support/webhook-examples.ts';

/** Every handled event, from GitHub's recorded payloads over real HTTP to the events the core gets. */
const SECRET = 'intake secret';
const NOW = Date.UTC(2026, 0, 6, 9);

let dir: string;
let db: Database.Database;
let inbox: GitHubInbox;
let server: RunningServer;
let url: string;
let github: FakeGitHub;
let events: PullRequestEvent[];
let checks: string[];
let processor: InboxProcessor;
let drains: Promise<void>[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shiplock-intake-'));
  db = openIntakeDatabase(join(dir, 'shiplock.db'));
  inbox = createGitHubInbox(db, { clock: { now: () => NOW } });
  github = createFakeGitHub();
  github.put(snapshot(EXAMPLE_REPO, 2, EXAMPLE_SHA));
  github.authors.set(`${EXAMPLE_REPO}#2`, ['Codertocat', 'email:pair@example.com']);
  events = [];
  checks = [];
  drains = [];
  let ids = 0;
  processor = createInboxProcessor({
    inbox,
    api: github.api,
    isConfigured: (repo) => repo === EXAMPLE_REPO,
    sink: (event) => events.push(event),
    newRolloutId: () => `r-${++ids}`,
    clock: { now: () => NOW },
    logger: createLogger('silent'),
    onCheckCompleted: (repo, sha, name) => checks.push(`${repo} ${sha} ${name}`),
  });
  const route = createGitHubWebhookRoute({
    secret: SECRET,
    inbox,
    clock: { now: () => NOW },
    logger: createLogger('silent'),
    onStored: () => drains.push(processor.drain()),
  });
  server = await startHttpServer({ '/github/webhook': route });
  url = `${server.url}/github/webhook`;
});

afterEach(async () => {
  await server.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Delivers the example over HTTP and waits for the processing the route started. */
async function through(ex: Example, deliveryId = 'd-1'): Promise<void> {
  const answer = await deliver(url, SECRET, ex.event, deliveryId, ex.payload);
  expect(answer.status).toBe(202);
  await Promise.all(drains);
}

const PR = {
  repo: EXAMPLE_REPO,
  number: 2,
  sha: EXAMPLE_SHA,
  title: 'Update the README with new information.',
  author: 'Codertocat',
  commitAuthors: ['Codertocat', 'email:pair@example.com'],
  url: 'https://github.com/Codertocat/Hello-World/pull/2',
};

describe('pull_request heads become PullRequestOpened / PullRequestPushed', () => {
  it.each([
    ['opened', 'PullRequestOpened'],
    ['reopened', 'PullRequestOpened'],
    ['ready_for_review', 'PullRequestOpened'],
    ['synchronize', 'PullRequestPushed'],
  ])('%s → %s, with commit authors from the API', async (action, type) => {
    await through(example('pull_request', action));
    expect(events).toEqual([{ type, at: NOW, pr: PR, rolloutId: 'r-1' }]);
    expect(github.calls).toEqual([`getPullRequest ${EXAMPLE_REPO} 2`, `listCommitAuthors ${EXAMPLE_REPO} 2`]);
    expect(inbox.find('d-1')).toMatchObject({ status: 'done', processedAt: NOW, lastError: null });
  });
});

describe('everything else', () => {
  it('closed → PullRequestClosed, without a GitHub call', async () => {
    await through(example('pull_request', 'closed'));
    expect(events).toEqual([{ type: 'PullRequestClosed', at: NOW, repo: EXAMPLE_REPO, number: 2 }]);
    expect(github.calls).toEqual([]);
    expect(inbox.find('d-1')?.status).toBe('done');
  });

  it('check_run completed → onCheckCompleted with the run name', async () => {
    await through(example('check_run', 'completed'));
    expect(checks).toEqual([`${EXAMPLE_REPO} ${EXAMPLE_SHA} Octocoders-linter`]);
    expect(events).toEqual([]);
  });

  it('check_suite completed → onCheckCompleted once, with the name *', async () => {
    await through(example('check_suite', 'completed'));
    expect(checks).toEqual([`${EXAMPLE_REPO} ${EXAMPLE_SHA} *`]);
  });

  it.each([
    ['an opened draft', draftOpened(), 'pull_request opened on a draft'],
    [
      'converted_to_draft',
      example('pull_request', 'converted_to_draft'),
      'pull_request converted_to_draft is not used',
    ],
    ['review_requested', example('pull_request', 'review_requested'), 'pull_request review_requested is not used'],
    ['labeled', example('pull_request', 'labeled'), 'pull_request labeled is not used'],
    ['check_run created', example('check_run', 'created'), 'check_run created is not used'],
    ['ping', example('ping'), 'event ping is not used'],
    ['an unhandled event (issues)', example('issues', 'opened'), 'event issues is not used'],
    ['push', example('push'), 'event push is not used'],
  ])('%s is acknowledged and ignored', async (_name, ex, reason) => {
    await through(ex);
    expect(events).toEqual([]);
    expect(checks).toEqual([]);
    expect(github.calls).toEqual([]);
    expect(inbox.find('d-1')).toMatchObject({ status: 'ignored', lastError: reason });
  });

  it('a repository that is not configured is ignored, whatever the event', async () => {
    for (const [i, ex] of [example('pull_request', 'opened'), example('check_run', 'completed')].entries()) {
      const payload = { ...ex.payload, repository: { ...(ex.payload.repository as object), full_name: 'acme/other' } };
      await through({ event: ex.event, payload }, `d-${i}`);
      expect(inbox.find(`d-${i}`)).toMatchObject({
        status: 'ignored',
        lastError: 'repository acme/other is not configured',
      });
    }
    expect(events).toEqual([]);
    expect(checks).toEqual([]);
  });

  it('a redelivery of a processed delivery does not reach the sink again', async () => {
    const ex = example('pull_request', 'synchronize');
    await through(ex, 'd-twice');
    const again = await deliver(url, SECRET, ex.event, 'd-twice', ex.payload);
    expect(again).toMatchObject({ status: 200, json: { ok: true, duplicate: true } });
    await processor.drain();
    expect(events).toHaveLength(1);
  });
});
