import type { Logger } from 'pino';
import { type CanaryModelAnswer, createCanaryJudge, createCanaryModel } from '../adapters/canary/index.ts';
import { createPrometheusClient } from '../adapters/metrics/index.ts';
import { longestRangeSeconds } from '../adapters/metrics/longest-range-seconds.ts';
import { findRepository } from '../config/find-repository.ts';
import type { Config } from '../config/types.ts';
import type { Policy } from '../core/types.ts';
import type { CanaryJudge, Clock, Store } from '../shell/ports.ts';
import { createOpenAiClient } from './create-openai-client.ts';

/** What the canary judge is built from. */
export interface CanaryJudgeSideOptions {
  readonly config: Config;
  readonly store: Pick<Store, 'findPrKeyByRollout' | 'loadPullRequest'>;
  readonly policyFor: (repo: string) => Policy;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** The leak test's horizon is a day: 1,440 samples at the default one-minute step. */
const LEAK_HORIZON_SECONDS = 86_400;

/**
 * The canary judge: the native statistical judge over Prometheus when a Prometheus URL is
 * configured (`canary.prometheus_url` or `PROMETHEUS_URL`, with PROMETHEUS_TOKEN as bearer token);
 * without one every look is inconclusive, which blocks, and the card says why. Queries are
 * evaluated every `canary.step`; the window starts after the longest range the queries reach back
 * (at least one step, the error counts' interval). With `canary.model`, the narrow model is asked
 * when the statistics say healthy, and can only turn that into unhealthy.
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
  const stepSeconds = config.canary.stepMs / 1000;
  const queries = config.repositories.flatMap((r) => r.canary.metrics.map((m) => m.query));
  const token = config.secrets.PROMETHEUS_TOKEN;
  const model = config.canary.model;
  return createCanaryJudge({
    client: createPrometheusClient({
      baseUrl,
      timeoutMs: 30_000,
      ...(token === undefined ? {} : { bearerToken: token }),
    }),
    now: clock.now,
    stepSeconds,
    rateRangeSeconds: Math.max(stepSeconds, longestRangeSeconds(queries)),
    judgeOptions: { leakHorizon: Math.max(3, Math.round(LEAK_HORIZON_SECONDS / stepSeconds)) },
    ...(model === undefined
      ? {}
      : {
          model: createCanaryModel({
            openai: createOpenAiClient(config, model),
            model: model.model,
            timeoutMs: model.timeoutMs,
          }),
        }),
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
        {
          rolloutId: trace.rolloutId,
          look: trace.look,
          verdict: trace.verdict,
          rule: trace.judgement.rule,
          model: describeModel(trace.model),
        },
        'canary judged',
      ),
  });
}

/** The model's part of a look for the log: not asked, its opinion, or its error (already redacted). */
function describeModel(answer: CanaryModelAnswer | null): string {
  if (answer === null) return 'not asked';
  if (!answer.ok) return answer.error.slice(0, 200);
  return answer.unhealthy ? 'unhealthy' : 'healthy';
}
