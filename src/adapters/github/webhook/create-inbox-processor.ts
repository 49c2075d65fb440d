import cron from 'node-cron';
import type { Logger } from 'pino';
import type { PullRequestClosed, PullRequestOpened, PullRequestPushed } from '../../../core/types.ts';
import { crashPoint } from '../../../shell/crash-point.ts';
import type { Clock } from '../../../shell/ports.ts';
import type { GitHubApi } from '../github-api.ts';
import type { GitHubInbox, InboxRow } from './create-github-inbox.ts';
import { parseWebhookIntent, type WebhookIntent } from './parse-webhook-intent.ts';

/** The core events GitHub deliveries become. */
export type PullRequestEvent = PullRequestOpened | PullRequestPushed | PullRequestClosed;

/** What the processor is built from. */
export interface InboxProcessorOptions {
  readonly inbox: GitHubInbox;
  readonly api: GitHubApi;
  /** Deliveries of repositories that are not in the config are acknowledged and ignored. */
  readonly isConfigured: (repo: string) => boolean;
  /** Where mapped events go (the lead passes `shell.handle`); it must have recorded the event when it returns. */
  readonly sink: (event: PullRequestEvent) => void;
  readonly newRolloutId: () => string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** A check run (or, with `checkName` `*`, a whole check suite) completed on `sha`. */
  readonly onCheckCompleted: (repo: string, sha: string, checkName: string) => void;
  /** First retry delay after a failure; doubles per attempt up to `retryMaxMs`. Default 30 s. */
  readonly retryBaseMs?: number;
  /** Default 1 h. */
  readonly retryMaxMs?: number;
  /** After this many failed attempts the delivery is `failed`; the reconciler still catches the PR up. Default 20. */
  readonly maxAttempts?: number;
}

/** Drains the inbox. */
export interface InboxProcessor {
  /** Processes every due pending delivery; concurrent calls share one pass (plus one more if asked during it). */
  drain(): Promise<void>;
  /** Drains now (deliveries left by a crash) and every minute (retries that came due); returns the stop. */
  start(): () => void;
}

type Outcome =
  | { readonly kind: 'done' }
  | { readonly kind: 'ignored' | 'failed'; readonly reason: string }
  | { readonly kind: 'retry'; readonly error: string };

const DONE: Outcome = { kind: 'done' };
const BATCH = 50;

/**
 * Turns stored deliveries into core events, oldest first. Delivery is at least once: a delivery is
 * marked done only after `sink` returned, so a crash in between hands the same event to the sink
 * again on the next drain (with a fresh rollout id). The core absorbs that: `decide` treats a
 * `PullRequestOpened`/`PullRequestPushed` whose SHA equals the latest rollout's (of a PR not closed)
 * as "nothing new", and a repeated `PullRequestClosed` only re-cancels what is already cancelled.
 *
 * Before a head event is emitted the PR is read back from GitHub: a delivery whose head is no longer
 * the PR's head (a retry that lost the race with a newer push), or whose PR is closed or a draft now,
 * is ignored, so an old delivery can never supersede a newer rollout.
 */
export function createInboxProcessor(options: InboxProcessorOptions): InboxProcessor {
  const { inbox, clock, logger } = options;
  const retryBaseMs = options.retryBaseMs ?? 30_000;
  const retryMaxMs = options.retryMaxMs ?? 3_600_000;
  const maxAttempts = options.maxAttempts ?? 20;
  let running: Promise<void> | null = null;
  let again = false;

  async function processRow(row: InboxRow): Promise<void> {
    let outcome: Outcome;
    try {
      outcome = await outcomeOf(options, parseWebhookIntent(row.event, row.body));
    } catch (error) {
      outcome = { kind: 'retry', error: `shiplock_github_inbox_sink: ${String(error)}` };
    }
    const log = { delivery: row.deliveryId, event: row.event, action: row.action };
    switch (outcome.kind) {
      case 'done':
        crashPoint('github.processor.before_mark_done');
        inbox.markDone(row.deliveryId);
        return crashPoint('github.processor.after_mark_done');
      case 'ignored':
        return inbox.markIgnored(row.deliveryId, outcome.reason);
      case 'failed':
        logger.warn({ ...log, reason: outcome.reason }, 'github delivery is malformed');
        return inbox.markFailed(row.deliveryId, outcome.reason);
      case 'retry': {
        const attempts = row.attempts + 1;
        logger.warn({ ...log, attempts, error: outcome.error }, 'github delivery will be retried');
        if (attempts >= maxAttempts) {
          return inbox.markFailed(row.deliveryId, `gave up after ${attempts} attempts: ${outcome.error}`);
        }
        const delay = Math.min(retryMaxMs, retryBaseMs * 2 ** row.attempts);
        return inbox.markRetry(row.deliveryId, outcome.error, clock.now() + delay);
      }
    }
  }

  async function pass(): Promise<void> {
    const seen = new Set<string>();
    for (;;) {
      const rows = inbox.pending(BATCH, clock.now()).filter((r) => !seen.has(r.deliveryId));
      if (rows.length === 0) return;
      for (const row of rows) {
        seen.add(row.deliveryId);
        await processRow(row);
      }
    }
  }

  function drain(): Promise<void> {
    if (running !== null) {
      again = true;
      return running;
    }
    const loop = async (): Promise<void> => {
      do {
        again = false;
        await pass();
      } while (again);
    };
    running = loop()
      .catch((error: unknown) => logger.error({ err: error }, 'github inbox drain stopped'))
      .finally(() => {
        running = null;
      });
    return running;
  }

  return {
    drain,
    start() {
      void drain();
      const task = cron.schedule('* * * * *', () => void drain(), { noOverlap: true });
      return () => void task.stop();
    },
  };
}

async function outcomeOf(options: InboxProcessorOptions, intent: WebhookIntent): Promise<Outcome> {
  switch (intent.kind) {
    case 'malformed':
      return { kind: 'failed', reason: intent.reason };
    case 'ignore':
      return { kind: 'ignored', reason: intent.reason };
    case 'closed':
      if (!options.isConfigured(intent.repo)) return notConfigured(intent.repo);
      options.sink({ type: 'PullRequestClosed', at: options.clock.now(), repo: intent.repo, number: intent.number });
      return DONE;
    case 'check_completed':
      if (!options.isConfigured(intent.repo)) return notConfigured(intent.repo);
      options.onCheckCompleted(intent.repo, intent.sha, intent.checkName);
      return DONE;
    case 'head':
      return headOutcome(options, intent);
  }
}

async function headOutcome(options: InboxProcessorOptions, intent: WebhookIntent & { kind: 'head' }): Promise<Outcome> {
  const { pr } = intent;
  if (!options.isConfigured(pr.repo)) return notConfigured(pr.repo);
  let commitAuthors: readonly string[];
  try {
    const live = await options.api.getPullRequest(pr.repo, pr.number);
    if (live.state !== 'open') return { kind: 'ignored', reason: 'the pull request is closed now' };
    if (live.headSha !== pr.sha) return { kind: 'ignored', reason: `stale: the head is ${live.headSha} now` };
    if (live.draft) return { kind: 'ignored', reason: 'the pull request is a draft now' };
    // Read after the head check: a push in between can only add authors, which excludes more approvers.
    commitAuthors = await options.api.listCommitAuthors(pr.repo, pr.number);
  } catch (error) {
    return { kind: 'retry', error: error instanceof Error ? error.message : String(error) };
  }
  const at = options.clock.now();
  crashPoint('github.processor.before_sink');
  options.sink({ type: intent.type, at, pr: { ...pr, commitAuthors }, rolloutId: options.newRolloutId() });
  return DONE;
}

const notConfigured = (repo: string): Outcome => ({ kind: 'ignored', reason: `repository ${repo} is not configured` });
