import cron from 'node-cron';
import type { Logger } from 'pino';
import type { Clock } from '../../../shell/ports.ts';
import type { GitHubApi, PullRequestSnapshot } from '../github-api.ts';
import type { PullRequestEvent } from '../webhook/create-inbox-processor.ts';
import type { LatestSha } from './create-latest-sha-lookup.ts';

/** What the reconciler is built from. */
export interface ReconcilerOptions {
  readonly api: GitHubApi;
  /** Configured repositories, `owner/name`. */
  readonly repositories: readonly string[];
  readonly latestSha: (repo: string, number: number) => LatestSha;
  /**
   * PRs the store holds as open. With it, one GitHub no longer lists is read back with
   * `getPullRequest` and, if closed, a missed `closed` webhook is made up for.
   */
  readonly knownOpen?: (repo: string) => readonly number[];
  /** Where events go (the lead passes `shell.handle`). */
  readonly sink: (event: PullRequestEvent) => void;
  readonly newRolloutId: () => string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** node-cron expression of the periodic run; hourly by default. */
  readonly schedule?: string;
}

/** One problem of one run: a repository that could not be listed, or one PR that could not be read. */
export interface ReconcileFailure {
  readonly repo: string;
  readonly number?: number;
  readonly error: string;
}

/** What one run did. */
export interface ReconcileReport {
  /** Open, non-draft PRs whose head (or reopening) shiplock had missed: `PullRequestOpened`. */
  readonly created: number;
  /** Open PRs whose head moved while shiplock was not listening: `PullRequestPushed`. */
  readonly superseded: number;
  /** PRs shiplock held open that GitHub has closed: `PullRequestClosed`. */
  readonly closed: number;
  readonly unchanged: number;
  readonly drafts: number;
  readonly failed: number;
  readonly failures: readonly ReconcileFailure[];
}

/** The reconciler. */
export interface Reconciler {
  /** One pass over every configured repository; a second call during a pass shares it. */
  run(): Promise<ReconcileReport>;
  /** Runs now and on the schedule; returns the stop, after which a pass still going ends early. */
  start(): () => void;
}

/**
 * Pull requests checked between two turns of the event loop. Each check reads the store
 * synchronously; with 10,000 open pull requests a pass that never yields held every HTTP request
 * (`/healthz`, Slack's interactions) for 16–18 s on a busy machine (docs/benchmarks.md).
 */
const YIELD_EVERY = 50;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

type Tally = { -readonly [K in Exclude<keyof ReconcileReport, 'failures'>]: number } & { failures: ReconcileFailure[] };

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Catches up on webhooks GitHub never delivered (GitHub does not redeliver failed deliveries by
 * itself: https://docs.github.com/en/webhooks/using-webhooks/best-practices-for-using-webhooks).
 * GitHub's list of open PRs is the truth; the store says what shiplock has seen. Emitting is safe
 * to repeat: the core treats a head it already has as nothing new.
 */
export function createReconciler(options: ReconcilerOptions): Reconciler {
  let running: Promise<ReconcileReport> | null = null;
  let stopped = false;
  const isStopped = (): boolean => stopped;

  async function pass(): Promise<ReconcileReport> {
    const tally: Tally = { created: 0, superseded: 0, closed: 0, unchanged: 0, drafts: 0, failed: 0, failures: [] };
    for (const repo of options.repositories) {
      if (stopped) break;
      try {
        await reconcileRepository(options, repo, tally, isStopped);
      } catch (error) {
        // One repository's failure (its listing, the store) never stops the others.
        tally.failed += 1;
        tally.failures.push({ repo, error: message(error) });
      }
    }
    const { failures, ...counts } = tally;
    options.logger.info({ ...counts, failures }, 'github reconcile finished');
    return tally;
  }

  const run = (): Promise<ReconcileReport> => {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    run,
    start() {
      const go = (): void => void run().catch((error: unknown) => options.logger.error({ err: error }, 'reconcile'));
      go();
      const task = cron.schedule(options.schedule ?? '0 * * * *', go, { noOverlap: true });
      return () => {
        stopped = true;
        void task.stop();
      };
    },
  };
}

async function reconcileRepository(
  options: ReconcilerOptions,
  repo: string,
  tally: Tally,
  stopped: () => boolean,
): Promise<void> {
  const open = await options.api.listOpenPullRequests(repo);
  for (const [i, pr] of open.entries()) {
    if (i > 0 && i % YIELD_EVERY === 0) await nextTurn();
    if (stopped()) return;
    try {
      await reconcileOpen(options, pr, tally);
    } catch (error) {
      tally.failed += 1;
      tally.failures.push({ repo, number: pr.number, error: message(error) });
    }
  }
  if (options.knownOpen === undefined) return;
  const listed = new Set(open.map((pr) => pr.number));
  for (const number of options.knownOpen(repo).filter((n) => !listed.has(n))) {
    if (stopped()) return;
    try {
      // The list may lag behind a reopen; only the PR itself says it is closed.
      const pr = await options.api.getPullRequest(repo, number);
      if (pr.state !== 'closed') continue;
      options.sink({ type: 'PullRequestClosed', at: options.clock.now(), repo, number });
      tally.closed += 1;
    } catch (error) {
      tally.failed += 1;
      tally.failures.push({ repo, number, error: message(error) });
    }
  }
}

async function reconcileOpen(options: ReconcilerOptions, pr: PullRequestSnapshot, tally: Tally): Promise<void> {
  if (pr.draft) {
    tally.drafts += 1; // drafts wait until ready for review, as with webhooks
    return;
  }
  const latest = options.latestSha(pr.repo, pr.number);
  // Closed in the store but listed open: a missed `reopened`, or a list lagging behind a close.
  const head = latest === 'closed' ? await options.api.getPullRequest(pr.repo, pr.number) : pr;
  if (latest === head.headSha || head.state !== 'open' || head.draft) {
    tally.unchanged += 1;
    return;
  }
  // Never seen, or reopened while shiplock was not listening: a new rollout.
  const type = latest === null || latest === 'closed' ? 'PullRequestOpened' : 'PullRequestPushed';
  const commitAuthors = await options.api.listCommitAuthors(pr.repo, pr.number);
  const info = { repo: pr.repo, number: pr.number, sha: head.headSha, title: head.title, author: head.author };
  const event = { at: options.clock.now(), pr: { ...info, commitAuthors, url: head.htmlUrl } };
  options.sink({ type, ...event, rolloutId: options.newRolloutId() });
  if (type === 'PullRequestOpened') tally.created += 1;
  else tally.superseded += 1;
}
