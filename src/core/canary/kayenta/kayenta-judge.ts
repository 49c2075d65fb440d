import { kayentaClassify } from './kayenta-classify.ts';
import { type KayentaScoreLabel, kayentaClassifyScore } from './kayenta-classify-score.ts';
import { type KayentaScore, kayentaScore } from './kayenta-score.ts';
import { kayentaSummaryStats } from './kayenta-summary-stats.ts';
import { kayentaTransformSeries } from './kayenta-transform-series.ts';
import type { KayentaMetricConfig, KayentaMetricResult, KayentaSummaryStats } from './kayenta-types.ts';

/** One metric's raw series for the judge. */
export interface KayentaJudgeMetric {
  readonly config: KayentaMetricConfig;
  readonly canary: readonly number[];
  readonly baseline: readonly number[];
}

/** One metric's outcome: the classification and the report statistics of the transformed series. */
export interface KayentaJudgedMetric {
  readonly name: string;
  readonly result: KayentaMetricResult;
  readonly canaryStats: KayentaSummaryStats;
  readonly baselineStats: KayentaSummaryStats;
}

/** The NetflixACAJudge verdict. */
export interface KayentaJudgement {
  readonly metrics: readonly KayentaJudgedMetric[];
  readonly score: KayentaScore;
  readonly classification: KayentaScoreLabel;
}

/**
 * NetflixACAJudge end to end (§2.2–§2.6): transform each series, classify each metric, score with the
 * group weights and classify the score against the thresholds. Deterministic: the only randomness, the
 * tied-per-group noise, comes from each metric's `noiseSeed`.
 */
export function kayentaJudge(
  metrics: readonly KayentaJudgeMetric[],
  groupWeights: Readonly<Record<string, number>>,
  thresholds: { readonly pass: number; readonly marginal: number },
): KayentaJudgement {
  const judged = metrics.map(({ config, canary, baseline }) => {
    const x = kayentaTransformSeries(canary, config);
    const y = kayentaTransformSeries(baseline, config);
    const result = kayentaClassify(config, x, y);
    return { name: config.name, result, canaryStats: kayentaSummaryStats(x), baselineStats: kayentaSummaryStats(y) };
  });
  const score = kayentaScore(
    judged.map((m, i) => {
      const config = (metrics[i] as KayentaJudgeMetric).config;
      return { ...m.result, name: m.name, groups: config.groups, muted: config.muted };
    }),
    groupWeights,
  );
  return { metrics: judged, score, classification: kayentaClassifyScore(score.summaryScore, thresholds) };
}
