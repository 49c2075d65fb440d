import { type JudgeOptions, judgeCanary, type MetricTrace } from '../../core/canary/judge/index.ts';
import type { EpochMs } from '../../core/types.ts';
import { formatSeconds } from '../deployer/describe-deploy-run.ts';
import type { PrometheusClient } from '../metrics/index.ts';
import { fetchJudgeMetrics } from './fetch-judge-metrics.ts';
import type { CheckResult, VerificationTarget } from './verification-target.ts';

/** What {@link createMetricsCheck} needs. */
export interface MetricsCheckOptions {
  readonly client: PrometheusClient;
  /** Query step and count interval, whole seconds (the canary's `canary.step`). */
  readonly stepSeconds: number;
  /** Skipped after the deploy: the longest range vector of the queries (`[1m]` in the defaults). */
  readonly settleSeconds?: number;
  /** The value of `{{track}}` for production; default `production`. */
  readonly track?: string;
  readonly judgeOptions?: JudgeOptions;
}

/** Judges production after its deploy against production before it. */
export type MetricsCheck = (
  target: VerificationTarget & { readonly metrics: NonNullable<VerificationTarget['metrics']> },
  now: EpochMs,
) => Promise<CheckResult>;

/**
 * The metrics check: the native canary judge, with production after the deploy as the "canary"
 * (from one settle range after the script ended — a `rate(...[1m])` any earlier still reaches back
 * into the old version — until now) and the same length of production right before the deploy was
 * claimed as the "baseline". One look of one. Healthy passes; unhealthy fails with the metrics
 * that decided; inconclusive, missing data or a window too short to judge fail closed as
 * "could not verify", never as a pass.
 */
export function createMetricsCheck(options: MetricsCheckOptions): MetricsCheck {
  const step = options.stepSeconds;
  const settleMs = (options.settleSeconds ?? 60) * 1000;
  const minSamples = options.judgeOptions?.minSamples ?? 10;
  return async (target, now) => {
    const after = { start: target.deployFinishedAt + settleMs, end: now };
    const length = after.end - after.start;
    const samples = length < 0 ? 0 : Math.floor(length / (step * 1000)) + 1;
    if (samples < minSamples) {
      const needed = settleMs + minSamples * step * 1000 + step * 1000;
      return {
        ok: false,
        summary:
          `could not verify: ${samples} samples per metric after the deploy at ${step}s steps, the judge needs ` +
          `${minSamples}: set verification.duration to at least ${formatSeconds(needed)}`,
      };
    }
    const before = { start: target.deployStartedAt - length, end: target.deployStartedAt };
    const metrics = await fetchJudgeMetrics({
      client: options.client,
      metrics: target.metrics.metrics,
      service: target.metrics.service,
      track: options.track ?? 'production',
      windows: { baseline: before, canary: after },
      stepSeconds: step,
    });
    const judgement = judgeCanary({ metrics, look: 1, looks: 1 }, options.judgeOptions);
    const total = judgement.metrics.length;
    if (judgement.verdict === 'healthy') {
      return { ok: true, summary: `metrics healthy: ${total}/${total} within margin of the pre-deploy baseline` };
    }
    const deciding = judgement.metrics.filter((m) => m.verdict === judgement.verdict).map(describe);
    const named = `${deciding.slice(0, 3).join('; ')}${deciding.length > 3 ? ` (+${deciding.length - 3} more)` : ''}`;
    if (judgement.verdict === 'unhealthy') {
      return { ok: false, summary: `metrics unhealthy against the pre-deploy baseline: ${named}` };
    }
    return { ok: false, summary: `could not verify: metrics inconclusive: ${named}` };
  };
}

function describe(m: MetricTrace): string {
  return `${m.name}${m.critical ? ' (critical)' : ''}: ${m.reason}`;
}
