import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../../src/adapters/db/create-sqlite-store.ts';
import { createLatestShaLookup } from '../../../src/adapters/github/reconcile/create-latest-sha-lookup.ts';
import { createReconciler, type ReconcilerOptions } from '../../../src/adapters/github/reconcile/create-reconciler.ts';
import type { PullRequestEvent } from '../../../src/adapters/github/webhook/create-inbox-processor.ts';
import { createLogger } from '../../../src/adapters/log/create-logger.ts';
import type { Rollout } from '../../../src/core/types.ts';
import { createShell, type Shell } from '../../../src/shell/create-shell.ts';
import type { Store } from '../../../src/shell/ports.ts';
import { createRecordingPorts } from '../../fakes/create-recording-ports.ts';
import { POLICY, SHA_A, SHA_B } from '../../support/core-fixtures.ts';
import { createFakeGitHub, type FakeGitHub, snapshot } from './support/fake-github-api.ts';
import { openIntakeDatabase } from './support/open-intake-database.ts';

/** The reconciler against the real shell and SQLite store: what it emits is what the core records. */
const REPO = 'acme/api';

let dir: string;
let store: Store;
let shell: Shell;
let github: FakeGitHub;
let emitted: PullRequestEvent[];
let ids: number;
const clock = { now: () => Date.UTC(2026, 0, 6, 10) };

function reconciler(overrides: Partial<ReconcilerOptions> = {}) {
  const lookup = createLatestShaLookup(store);
  return createReconciler({
    api: github.api,
    repositories: [REPO],
    latestSha: lookup.latestSha,
    knownOpen: lookup.knownOpen,
    sink: (event) => {
      emitted.push(event);
      shell.handle(event);
    },
    newRolloutId: () => `r-${++ids}`,
    clock,
    logger: createLogger('silent'),
    ...overrides,
  });
}

const rollouts = (number: number, repo = REPO): readonly Rollout[] =>
  store.loadPullRequest(`${repo}#${number}`)?.rollouts ?? [];

const ZERO = { created: 0, superseded: 0, closed: 0, unchanged: 0, drafts: 0, failed: 0, failures: [] };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shiplock-reconcile-'));
  store = createSqliteStore(openIntakeDatabase(join(dir, 'shiplock.db')));
  shell = createShell({
    store,
    ports: createRecordingPorts().ports,
    clock,
    policyFor: () => POLICY,
    logger: createLogger('silent'),
  });
  github = createFakeGitHub();
  emitted = [];
  ids = 0;
});

afterEach(async () => {
  await shell.idle();
  shell.stop();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('reconcile', () => {
  it('a missed webhook: an open PR never seen gets its rollout; a second run changes nothing', async () => {
    github.put(snapshot(REPO, 7, SHA_A, { author: 'alice' }));
    github.authors.set(`${REPO}#7`, ['alice', 'bob']);
    expect(await reconciler().run()).toEqual({ ...ZERO, created: 1 });
    expect(emitted).toEqual([
      {
        type: 'PullRequestOpened',
        at: clock.now(),
        rolloutId: 'r-1',
        pr: {
          repo: REPO,
          number: 7,
          sha: SHA_A,
          title: 'PR 7',
          author: 'alice',
          commitAuthors: ['alice', 'bob'],
          url: `https://github.com/${REPO}/pull/7`,
        },
      },
    ]);
    expect(rollouts(7).map((r) => r.pr.sha)).toEqual([SHA_A]);
    expect(await reconciler().run()).toEqual({ ...ZERO, unchanged: 1 });
    expect(emitted).toHaveLength(1);
  });

  it('pushed while down: the new head supersedes the rollout of the old one', async () => {
    github.put(snapshot(REPO, 7, SHA_A));
    await reconciler().run();
    github.put(snapshot(REPO, 7, SHA_B));
    expect(await reconciler().run()).toEqual({ ...ZERO, superseded: 1 });
    expect(emitted.map((e) => e.type)).toEqual(['PullRequestOpened', 'PullRequestPushed']);
    expect(rollouts(7).map((r) => [r.pr.sha, r.phase === 'superseded'])).toEqual([
      [SHA_A, true],
      [SHA_B, false],
    ]);
  });

  it('one repository failing does not block another, and is counted', async () => {
    github.failing.add('listOpenPullRequests:acme/broken');
    github.put(snapshot(REPO, 7, SHA_A));
    const report = await reconciler({ repositories: ['acme/broken', REPO] }).run();
    expect(report).toMatchObject({ created: 1, failed: 1 });
    expect(report.failures).toEqual([
      { repo: 'acme/broken', error: 'shiplock_github_unavailable: listOpenPullRequests answered 502' },
    ]);
    expect(rollouts(7)).toHaveLength(1);
  });

  it('one PR failing does not block the next one in the same repository', async () => {
    github.put(snapshot(REPO, 7, SHA_A));
    github.put(snapshot(REPO, 8, SHA_B));
    let calls = 0;
    const api = {
      ...github.api,
      listCommitAuthors: async (repo: string, n: number) => {
        calls += 1;
        if (calls === 1) throw new Error('shiplock_github_rate_limited: retry after 60 s');
        return github.api.listCommitAuthors(repo, n);
      },
    };
    const report = await reconciler({ api }).run();
    expect(report).toMatchObject({ created: 1, failed: 1 });
    expect(report.failures).toEqual([
      { repo: REPO, number: 7, error: 'shiplock_github_rate_limited: retry after 60 s' },
    ]);
    expect(rollouts(8)).toHaveLength(1);
  });

  it('drafts wait until ready for review', async () => {
    github.put(snapshot(REPO, 7, SHA_A, { draft: true }));
    expect(await reconciler().run()).toEqual({ ...ZERO, drafts: 1 });
    expect(emitted).toEqual([]);
  });

  it('closed while down: a PR the store holds open that GitHub closed is closed', async () => {
    github.put(snapshot(REPO, 7, SHA_A));
    await reconciler().run();
    github.put(snapshot(REPO, 7, SHA_A, { state: 'closed' }));
    expect(await reconciler().run()).toEqual({ ...ZERO, closed: 1 });
    expect(store.loadPullRequest(`${REPO}#7`)?.closed).toBe(true);
    expect(rollouts(7).map((r) => r.phase)).toEqual(['cancelled']);
  });

  it('reopened while down: a PR closed in the store but open on GitHub gets a new rollout', async () => {
    github.put(snapshot(REPO, 7, SHA_A));
    await reconciler().run();
    shell.handle({ type: 'PullRequestClosed', at: clock.now(), repo: REPO, number: 7 });
    expect(await reconciler().run()).toEqual({ ...ZERO, created: 1 });
    expect(github.calls).toContain(`getPullRequest ${REPO} 7`);
    expect(rollouts(7).map((r) => r.phase === 'cancelled')).toEqual([true, false]);
  });

  it('a long pass yields to the event loop, so requests are answered while it runs', async () => {
    for (let n = 1; n <= 120; n += 1) github.put(snapshot(REPO, n, SHA_A));
    let emittedWhenAnswered = -1;
    setImmediate(() => {
      emittedWhenAnswered = emitted.length;
    });
    expect(await reconciler().run()).toEqual({ ...ZERO, created: 120 });
    expect(emittedWhenAnswered).toBeGreaterThan(0);
    expect(emittedWhenAnswered).toBeLessThan(120);
  });

  it('a pass going on when the reconciler stops ends early and emits nothing more', async () => {
    for (let n = 1; n <= 120; n += 1) github.put(snapshot(REPO, n, SHA_A));
    const r = reconciler();
    const stop = r.start();
    stop();
    expect(await r.run()).toEqual(ZERO);
    expect(emitted).toEqual([]);
  });

  it('start() runs at once and stops', async () => {
    github.put(snapshot(REPO, 7, SHA_A));
    const r = reconciler();
    const stop = r.start();
    await r.run(); // shares the pass start() began
    stop();
    expect(emitted).toHaveLength(1);
  });
});
