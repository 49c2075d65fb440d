import type { CanaryJudgement } from '../../core/canary/judge/index.ts';

/**
 * All the narrow model may see of one metric: its name and kind, and per test the numbers of the
 * statistical trace. No code, no PR text, no business context: the type admits nothing else.
 */
export interface MetricSummary {
  readonly name: string;
  readonly kind: 'continuous' | 'counts' | 'memory';
  readonly direction: 'increase' | 'decrease' | 'either';
  readonly verdict: 'healthy' | 'unhealthy' | 'inconclusive';
  readonly tests: readonly {
    readonly test: 'shift' | 'rate_ratio' | 'leak';
    readonly unit: 'ratio' | 'difference' | 'slope';
    readonly estimate: number | string;
    readonly lower: number | string;
    readonly upper: number | string;
    readonly marginLower: number | string;
    readonly marginUpper: number | string;
    readonly pAdjusted: number | string;
    readonly samples: number;
  }[];
}

/** The judge's trace reduced to {@link MetricSummary}s (names are the operator's metric names). */
export function toMetricSummaries(judgement: CanaryJudgement): MetricSummary[] {
  return judgement.metrics.map((m) => ({
    name: m.name,
    kind: m.kind,
    direction: m.direction,
    verdict: m.verdict,
    tests: m.tests.map((t) => ({
      test: t.test,
      unit: t.effect.unit,
      estimate: t.effect.estimate,
      lower: t.effect.lower,
      upper: t.effect.upper,
      marginLower: t.margin.lower,
      marginUpper: t.margin.upper,
      pAdjusted: t.p.adjusted,
      samples: Math.min(t.samples.canary.used, t.samples.baseline.used),
    })),
  }));
}
