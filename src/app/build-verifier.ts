import { join } from 'node:path';
import type { Logger } from 'pino';
import { createPrometheusClient } from '../adapters/metrics/index.ts';
import { longestRangeSeconds } from '../adapters/metrics/longest-range-seconds.ts';
import {
  createHealthCheck,
  createMetricsCheck,
  createVerifier,
  type VerificationTarget,
} from '../adapters/verifier/index.ts';
import { findRepository } from '../config/find-repository.ts';
import type { Config } from '../config/types.ts';
import type { RunVerification } from '../core/types.ts';
import type { Clock, Store, Verifier } from '../shell/ports.ts';

/** What the verifier is built from. */
export interface VerifierSideOptions {
  readonly config: Config;
  readonly store: Pick<Store, 'findPrKeyByRollout' | 'loadPullRequest'>;
  /** The health command runs here, like the deploy scripts (the configuration file's directory). */
  readonly scriptDir: string;
  /** shiplock's environment: the health command inherits it minus shiplock's secrets. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * Production verification (issue #6): each repository's metrics check (when a Prometheus URL is
 * configured and it is not turned off) and health command, run when the verification window ends.
 * A repository with neither fails closed, and the card says what to set.
 */
export function buildVerifier(options: VerifierSideOptions): Verifier {
  const { config, clock, logger } = options;
  const baseUrl = config.canary.prometheusUrl;
  const stepSeconds = config.canary.stepMs / 1000;
  const token = config.secrets.PROMETHEUS_TOKEN;
  const queries = config.repositories.flatMap((r) => r.canary.metrics.map((m) => m.query));
  const verifier = createVerifier({
    now: clock.now,
    target: async (command) => toTarget(options, command),
    metrics:
      baseUrl === undefined
        ? null
        : createMetricsCheck({
            client: createPrometheusClient({
              baseUrl,
              timeoutMs: 30_000,
              ...(token === undefined ? {} : { bearerToken: token }),
            }),
            stepSeconds,
            settleSeconds: Math.max(stepSeconds, longestRangeSeconds(queries)),
          }),
    health: createHealthCheck({ cwd: options.scriptDir, baseEnv: options.env, logDir: join(config.workDir, 'logs') }),
  });
  return {
    verify: async (command) => {
      const result = await verifier.verify(command);
      logger.info({ rolloutId: command.rolloutId, epoch: command.epoch, ok: result.ok }, 'production verified');
      return result;
    },
  };
}

/** The rollout's finished production deploy with its repository's checks, or null. */
function toTarget(options: VerifierSideOptions, command: RunVerification): VerificationTarget | null {
  const { store, config } = options;
  const prKey = store.findPrKeyByRollout(command.rolloutId);
  const rollout =
    prKey === null ? undefined : store.loadPullRequest(prKey)?.rollouts.find((r) => r.id === command.rolloutId);
  const repository = rollout === undefined ? undefined : findRepository(config, rollout.pr.repo);
  const production = rollout?.deploys.production;
  if (rollout === undefined || repository === undefined || production?.finishedAt == null) return null;
  const { verification } = repository;
  return {
    rolloutId: rollout.id,
    repo: rollout.pr.repo,
    pr: rollout.pr.number,
    sha: command.sha,
    epoch: command.epoch,
    environment: repository.deploy.production.environment,
    deployStartedAt: production.claimedAt,
    deployFinishedAt: production.finishedAt,
    metrics: verification.metrics ? { service: repository.canary.service, metrics: repository.canary.metrics } : null,
    command:
      verification.command === undefined
        ? null
        : { argv: verification.command, timeoutMs: verification.commandTimeoutMs },
  };
}
