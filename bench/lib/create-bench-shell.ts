import { join } from 'node:path';
import { createSqliteStore } from '../../src/adapters/db/create-sqlite-store.ts';
import { openDatabase } from '../../src/adapters/db/open-database.ts';
import { createLogger } from '../../src/adapters/log/create-logger.ts';
import type { Policy, PullRequestInfo, Rollout, StartDeploy } from '../../src/core/types.ts';
import { createShell, type Shell } from '../../src/shell/create-shell.ts';
import type { Store } from '../../src/shell/ports.ts';
import { startScheduler } from '../../src/shell/start-scheduler.ts';
import { createRecordingPorts } from '../../test/fakes/create-recording-ports.ts';
import { POLICY } from '../../test/support/core-fixtures.ts';
import { recordTemplates, seedRollouts } from './seed-rollouts.ts';

/** One production deploy script start as the fast deploy port saw it (wall clock, ms). */
export interface ProductionStart {
  readonly rolloutId: string;
  readonly at: number;
}

/** The real shell, store and scheduler on a real SQLite file, with instant fakes for the outside world. */
export interface BenchShell {
  readonly store: Store;
  readonly shell: Shell;
  /** Production deploys in the order their scripts were started. */
  readonly productionStarts: ProductionStart[];
  /** Starts node-cron's once-a-second scan (the shell's own precise wake-up runs regardless). */
  startScheduler(): void;
  /** Stops like `shiplock start` on SIGTERM: scheduler, shell, running commands finish, database closes. */
  stop(): Promise<void>;
}

/** The repository of PR `i`: one per PR when the bench gives each its own policy. */
export const benchRepo = (i: number): string => `acme/svc-${i}`;

/** PR `i` of the bench, authored by alice (UAUTHOR), so UBOB and UCAROL are its eligible approvers. */
export function benchPullRequest(i: number, repo = benchRepo(i)): PullRequestInfo {
  const sha = (i + 1).toString(16).padStart(40, '0');
  return {
    repo,
    number: 100 + i,
    sha,
    title: `Change ${i}: make the thing faster`,
    author: 'alice',
    commitAuthors: ['alice'],
    url: `https://github.com/${repo}/pull/${100 + i}`,
  };
}

/** The fixtures' policy (two gates, two of three approvers, author excluded) with overrides. */
export const benchPolicy = (overrides: Partial<Policy> = {}): Policy => ({
  ...POLICY,
  verificationMs: 0,
  ...overrides,
});

/**
 * Opens `dir/shiplock.db` with the real migrations and pragmas, the real store and shell, and the
 * test fakes as ports (gates pass, canary healthy, preflight clean, deploys succeed at once). The
 * deploy port records when each production script would have started: after its claim committed.
 * `wrapStore` lets a benchmark time the store the shell uses.
 */
export function createBenchShell(
  dir: string,
  policyFor: (repo: string) => Policy,
  wrapStore: (store: Store) => Store = (store) => store,
): BenchShell {
  const store = wrapStore(createSqliteStore(openDatabase(join(dir, 'shiplock.db'))));
  const { ports } = createRecordingPorts();
  const productionStarts: ProductionStart[] = [];
  ports.deployer.deploy = async (command: StartDeploy) => {
    if (command.stage === 'production') productionStarts.push({ rolloutId: command.rolloutId, at: Date.now() });
    return { ok: true, summary: `${command.stage} done` };
  };
  const shell = createShell({
    store,
    ports,
    clock: { now: () => Date.now() },
    policyFor,
    logger: createLogger('silent'),
  });
  let scheduler: { stop(): void } | null = null;
  return {
    store,
    shell,
    productionStarts,
    startScheduler() {
      scheduler = startScheduler(shell);
    },
    async stop() {
      scheduler?.stop();
      shell.stop();
      // The fakes answer at once: what was running records its result within a few turns.
      await new Promise((r) => setTimeout(r, 200));
      store.close();
    },
  };
}

/**
 * Seeds PRs `0..n-1` (rollout `r<i>`, repository `benchRepo(i)`) to `awaiting_approval` through the
 * real decide and store (see `seed-rollouts.ts`), then checks every one of them.
 */
export async function seedAwaitingApproval(
  bench: BenchShell,
  n: number,
  policyFor: (repo: string) => Policy,
): Promise<void> {
  const templates = await recordTemplates(policyFor(benchRepo(0)), Date.now(), []);
  const opened = templates[0];
  if (opened?.phase !== 'awaiting_approval') throw new Error(`bench: the template ended ${opened?.phase}`);
  seedRollouts(bench.store, {
    count: n,
    idsOf: (i) => ({ repo: benchRepo(i), number: 100 + i, sha: benchPullRequest(i).sha, rolloutId: `r${i}` }),
    templateOf: () => opened,
    policyFor,
  });
  for (let i = 0; i < n; i += 1) {
    const phase = rolloutOf(bench.store, i)?.phase;
    if (phase !== 'awaiting_approval') throw new Error(`bench: rollout r${i} is ${phase}, not awaiting_approval`);
  }
}

/** The latest rollout of PR `i`. */
export function rolloutOf(store: Store, i: number): Rollout | undefined {
  return store.loadPullRequest(`${benchRepo(i)}#${100 + i}`)?.rollouts.at(-1);
}
