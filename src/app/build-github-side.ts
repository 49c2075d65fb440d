import type { RequestListener } from 'node:http';
import { Octokit } from '@octokit/rest';
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { createGitHubApi } from '../adapters/github/create-github-api.ts';
import { createGitHubReporter } from '../adapters/github/create-github-reporter.ts';
import type { GitHubApi } from '../adapters/github/github-api.ts';
import { createLatestShaLookup } from '../adapters/github/reconcile/create-latest-sha-lookup.ts';
import { createReconciler } from '../adapters/github/reconcile/create-reconciler.ts';
import { createGitHubInbox } from '../adapters/github/webhook/create-github-inbox.ts';
import { createGitHubWebhookRoute } from '../adapters/github/webhook/create-github-webhook-route.ts';
import { createInboxProcessor } from '../adapters/github/webhook/create-inbox-processor.ts';
import { startInboxWriter } from '../adapters/github/webhook/start-inbox-writer.ts';
import { findRepository } from '../config/find-repository.ts';
import type { Config } from '../config/types.ts';
import type { Event, Policy } from '../core/types.ts';
import type { Clock, GitHubReporter, Store } from '../shell/ports.ts';
import { newRolloutId } from './new-rollout-id.ts';

/**
 * The GitHub client: one Octokit for every call, pointed at `GITHUB_API_URL` when set. Octokit logs
 * every failed request with `console.error` unless given a log; failures reach the shell as
 * `shiplock_github_…` errors and are logged there, so Octokit's own lines go to pino at debug.
 */
export function buildGitHubApi(config: Config, logger: Logger): GitHubApi {
  const log = (message: string) => logger.debug({ component: 'octokit' }, message);
  const octokit = new Octokit({
    auth: config.secrets.GITHUB_TOKEN,
    userAgent: 'shiplock',
    log: { debug: log, info: log, warn: log, error: log },
    ...(config.endpoints.githubApiUrl === undefined ? {} : { baseUrl: config.endpoints.githubApiUrl }),
  });
  return createGitHubApi({ octokit });
}

/** Check runs and deployments, named from the config and described from the store. */
export function buildReporter(
  api: GitHubApi,
  config: Config,
  store: Store,
  policyFor: (repo: string) => Policy,
  cardUrl: (rolloutId: string) => string | undefined,
): GitHubReporter {
  return createGitHubReporter({
    api,
    describe: {
      gate(rolloutId, gateId) {
        const prKey = store.findPrKeyByRollout(rolloutId);
        const state = prKey === null ? null : store.loadPullRequest(prKey);
        const rollout = state?.rollouts.find((r) => r.id === rolloutId);
        const name =
          rollout === undefined
            ? gateId
            : (policyFor(rollout.pr.repo).gates.find((g) => g.id === gateId)?.name ?? gateId);
        return { name, summary: rollout?.gates[gateId]?.summary ?? '' };
      },
      rolloutUrl: cardUrl,
      environment(repo, stage) {
        const name = findRepository(config, repo)?.deploy[stage].environment ?? stage;
        return { name, production: stage === 'production' || stage === 'rollback' };
      },
    },
  });
}

/** How long finished deliveries are kept (their ids de-duplicate redeliveries). */
const INBOX_KEEP_MS = 7 * 24 * 3_600_000;

/** What the intake needs from the rest of the bot. */
export interface IntakeOptions {
  readonly config: Config;
  readonly db: Database.Database;
  readonly store: Store;
  readonly api: GitHubApi;
  readonly sink: (event: Event) => void;
  readonly onCheckCompleted: (repo: string, sha: string, checkName: string) => void;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The environment the crash points are configured from (the writer thread arms its own). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The intake's parts for `startBot`. */
export interface Intake {
  readonly route: RequestListener;
  /** Starts the processor, the reconciler and the pruning; returns their stop. */
  start(): () => void;
  /** Ends the inbox writer thread once its batches are stored; after the HTTP server closed. */
  close(): Promise<void>;
}

/**
 * The webhook route, the inbox processor and the reconciler. Deliveries are stored by the inbox
 * writer thread, on its own connection to the same database file (`startInboxWriter`).
 */
export function buildIntake(options: IntakeOptions): Intake {
  const { config, db, store, api, sink, clock, logger } = options;
  const inbox = createGitHubInbox(db, { clock });
  const writer = startInboxWriter({ path: db.name, env: options.env, logger });
  const isConfigured = (repo: string) => findRepository(config, repo) !== undefined;
  const processor = createInboxProcessor({
    inbox,
    api,
    isConfigured,
    sink,
    newRolloutId,
    clock,
    logger,
    onCheckCompleted: options.onCheckCompleted,
  });
  const route = createGitHubWebhookRoute({
    secret: config.secrets.GITHUB_WEBHOOK_SECRET ?? '',
    inbox: writer,
    clock,
    logger,
    onStored: () => void processor.drain(),
  });
  const reconciler = createReconciler({
    api,
    repositories: config.repositories.map((r) => r.name),
    ...createLatestShaLookup(store),
    sink,
    newRolloutId,
    clock,
    logger,
  });
  return {
    route,
    start() {
      // GitHub may redeliver a delivery id for a few days: keep a week of them for de-duplication.
      const prune = setInterval(() => inbox.prune(clock.now() - INBOX_KEEP_MS), 3_600_000);
      prune.unref();
      const stops = [processor.start(), reconciler.start(), () => clearInterval(prune)];
      return () => {
        for (const stop of stops) stop();
      };
    },
    close: () => writer.close(),
  };
}
