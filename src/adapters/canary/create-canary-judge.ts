import type { CanaryMetricConfig } from '../../config/types.ts';
import {
  type CanaryJudgement,
  type JudgeMetric,
  type JudgeOptions,
  judgeCanary,
} from '../../core/canary/judge/index.ts';
import type { EpochMs, JudgeCanary } from '../../core/types.ts';
import type { CanaryJudge } from '../../shell/ports.ts';
import { ERROR_RATE_METRIC, fetchCanaryMetrics, type PrometheusClient, toErrorCountMetrics } from '../metrics/index.ts';
import type { CanaryModel, CanaryModelAnswer } from './create-canary-model.ts';
import { toMetricSummaries } from './metric-summary.ts';
import { toCanaryMetricRows } from './to-canary-metric-rows.ts';
import { toCountsMetric, toSeriesMetric } from './to-judge-metric.ts';

/** What the judge needs to know about a rollout's canary. */
export interface CanaryTarget {
  /** The value of `{{service}}` in the queries. */
  readonly service: string;
  readonly metrics: readonly CanaryMetricConfig[];
  /** When the canary started serving (epoch ms). */
  readonly canaryStartedAt: EpochMs;
  /** Planned looks over the canary and time-lock phases. */
  readonly looks: number;
}

/** A look's full record: the statistical judgement, the model's opinion and the verdict returned. */
export interface CanaryTrace {
  readonly rolloutId: string;
  readonly look: number;
  readonly window: { readonly start: EpochMs; readonly end: EpochMs };
  readonly judgement: CanaryJudgement;
  /** `null` when no model is configured or the statistics were not healthy (it is not asked). */
  readonly model: CanaryModelAnswer | null;
  readonly verdict: CanaryJudgement['verdict'];
  readonly summary: string;
}

/** What {@link createCanaryJudge} needs. */
export interface CanaryJudgeOptions {
  readonly client: PrometheusClient;
  /** The canary of a rollout, or null for a rollout nobody knows (→ inconclusive). */
  readonly target: (rolloutId: string) => Promise<CanaryTarget | null>;
  readonly now: () => EpochMs;
  /** Query step and count interval; default 60 s. */
  readonly stepSeconds?: number;
  /** The longest range vector of the queries (`[1m]` in the defaults); default 60 s. */
  readonly rateRangeSeconds?: number;
  readonly judgeOptions?: JudgeOptions;
  /** The optional narrow model; it can only turn healthy into unhealthy. */
  readonly model?: CanaryModel;
  /** Called with every look's trace (e.g. to record it for the thread). */
  readonly onTrace?: (trace: CanaryTrace) => void;
}

/** The `CanaryJudge` port plus the last trace per rollout. */
export interface NativeCanaryJudge extends CanaryJudge {
  lastTrace(rolloutId: string): CanaryTrace | undefined;
}

const kindOf = (name: string): 'memory' | 'continuous' => (name === 'memory' ? 'memory' : 'continuous');

/**
 * The `CanaryJudge` port over Prometheus and the native judge. Each look fetches every metric for
 * both tracks over a growing window that starts one rate range after the canary started — a
 * `rate(...[1m])` evaluated earlier would reach back before the canary existed and mix in its
 * start-up (and `increase` would extrapolate from a partial range) — and ends now. The error rate
 * is fetched as counts (`toErrorCountMetrics`, one window per step); `memory` also gets the leak
 * test; every other metric is a series compared on log values. Then `judgeCanary`, then, only when
 * the statistics say healthy, the optional narrow model, which may turn it into unhealthy and
 * nothing else. A failure anywhere is inconclusive, never healthy. A judged look also returns its
 * per-metric rows (`toCanaryMetricRows`) for the card's table and the thread's trace.
 */
export function createCanaryJudge(options: CanaryJudgeOptions): NativeCanaryJudge {
  const step = options.stepSeconds ?? 60;
  const range = options.rateRangeSeconds ?? 60;
  const traces = new Map<string, CanaryTrace>();
  const judge = async (command: JudgeCanary) => {
    const target = await options.target(command.rolloutId);
    if (target === null) return { verdict: 'inconclusive' as const, summary: 'inconclusive: unknown rollout' };
    const window = { start: target.canaryStartedAt + range * 1000, end: options.now() };
    if (window.end <= window.start) {
      return { verdict: 'inconclusive' as const, summary: 'inconclusive: the canary is too young to judge' };
    }
    const metrics = await fetchMetrics(options.client, target, window, step);
    const judgement = judgeCanary(
      { metrics, look: Math.min(command.look, target.looks), looks: target.looks },
      options.judgeOptions,
    );
    let model: CanaryModelAnswer | null = null;
    let { verdict, summary } = judgement;
    if (options.model !== undefined && verdict === 'healthy') {
      model = await options.model(toMetricSummaries(judgement));
      if (model.ok && model.unhealthy) {
        verdict = 'unhealthy';
        summary = `unhealthy (narrow model): ${model.reason.replaceAll(/\s+/g, ' ').slice(0, 200)} · statistics: ${summary}`;
      }
    }
    const trace = { rolloutId: command.rolloutId, look: command.look, window, judgement, model, verdict, summary };
    traces.set(command.rolloutId, trace);
    options.onTrace?.(trace);
    return { verdict, summary, metrics: toCanaryMetricRows(judgement), score: judgement.score };
  };
  return {
    judge: async (command) => {
      try {
        return await judge(command);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return {
          verdict: 'inconclusive',
          summary: `inconclusive: shiplock_canary_judge_failed: ${detail.slice(0, 200)}`,
        };
      }
    },
    lastTrace: (rolloutId) => traces.get(rolloutId),
  };
}

async function fetchMetrics(
  client: PrometheusClient,
  target: CanaryTarget,
  window: { start: EpochMs; end: EpochMs },
  step: number,
): Promise<JudgeMetric[]> {
  const errorRate = target.metrics.find((m) => m.name === ERROR_RATE_METRIC);
  const series = target.metrics.filter((m) => m.name !== ERROR_RATE_METRIC);
  const count = errorRate === undefined ? null : toErrorCountMetrics(errorRate, step);
  const queries = count === null ? series : [...series, count.errors, count.requests];
  const data = await fetchCanaryMetrics({
    client,
    metrics: queries,
    service: target.service,
    window,
    stepSeconds: step,
  });
  const out: JudgeMetric[] = [];
  for (const m of target.metrics) {
    const base = { name: m.name, direction: m.direction, critical: m.critical, margin: m.margin };
    if (m.name === ERROR_RATE_METRIC) {
      const errors = data[series.length];
      const requests = data[series.length + 1];
      if (errors !== undefined && requests !== undefined) {
        out.push(toCountsMetric({ ...base, kind: 'counts' }, errors, requests));
      }
    } else {
      const d = data[series.indexOf(m)];
      if (d !== undefined) out.push(toSeriesMetric({ ...base, kind: kindOf(m.name) }, d));
    }
  }
  return out;
}
