import type { Logger } from 'pino';
import { createCanaryJudge } from '../adapters/canary/index.ts';
import { createPrometheusClient } from '../adapters/metrics/index.ts';
import { findRepository } from '../config/find-repository.ts';
import type { Config } from '../config/types.ts';
import type { Policy } from '../core/types.ts';
import type { CanaryJudge, Clock, Store } from '../shell/ports.ts';

/** What the canary judge is built from. */
export interface CanaryJudgeSideOptions {
  readonly config: Config;
  readonly store: Store;
  readonly policyFor: (repo: string) => Policy;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * The canary judge: the native statistical judge over Prometheus when a Prometheus URL is
 * configured (`canary.prometheus_url` or `PROMETHEUS_URL`); without one every look is
 * inconclusive, which blocks, and the card says why.
 */
export function buildCanaryJudge(options: CanaryJudgeSideOptions): CanaryJudge {
  const { config, store, policyFor, clock, logger } = options;
  const baseUrl = config.canary.prometheusUrl;
  if (baseUrl === undefined) {
    return {
      judge: async () => ({
        verdict: 'inconclusive',
        summary: 'inconclusive: no Prometheus is configured (canary.prometheus_url or PROMETHEUS_URL)',
      }),
    };
  }
  return createCanaryJudge({
    client: createPrometheusClient({ baseUrl, timeoutMs: 30_000 }),
    now: clock.now,
    target: async (rolloutId) => {
      const prKey = store.findPrKeyByRollout(rolloutId);
      const rollout =
        prKey === null ? undefined : store.loadPullRequest(prKey)?.rollouts.find((r) => r.id === rolloutId);
      const repository = rollout === undefined ? undefined : findRepository(config, rollout.pr.repo);
      const servingSince = rollout?.deploys.canary?.finishedAt ?? null;
      if (rollout === undefined || repository === undefined || servingSince === null) return null;
      const policy = policyFor(rollout.pr.repo);
      // The planned looks: the first after the canary deploy, then one per interval through the lock.
      const planned = 1 + Math.ceil(policy.timeLockMs / policy.canaryWatchMs);
      return {
        service: repository.canary.service,
        metrics: repository.canary.metrics,
        canaryStartedAt: servingSince,
        looks: Math.max(planned, rollout.canary.look + 1),
      };
    },
    onTrace: (trace) =>
      logger.info(
        { rolloutId: trace.rolloutId, look: trace.look, verdict: trace.verdict, rule: trace.judgement.rule },
        'canary judged',
      ),
  });
}
