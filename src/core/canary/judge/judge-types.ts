/**
 * Types of the native canary judge (CANARY.md §6): its input — per metric the two tracks' samples
 * or why a track has none — its options, and the verdict with a JSON-safe trace per metric.
 */
import type { CanaryVerdictValue } from './canary-verdict-value.ts';

/** Which way a metric gets worse: `increase` (latency, errors), `decrease` (throughput), `either`. */
export type JudgeDirection = 'increase' | 'decrease' | 'either';

/**
 * How a metric is tested: `continuous` — a per-interval series compared by the Hodges–Lehmann
 * shift; `counts` — errors and requests per interval, compared by the exact rate-ratio test;
 * `memory` — a level (Hodges–Lehmann) plus a leak test (Theil–Sen slope of canary − baseline).
 */
export type JudgeMetricKind = 'continuous' | 'counts' | 'memory';

/** One metric's configuration as the judge reads it. */
export interface JudgeMetricConfig {
  readonly name: string;
  readonly direction: JudgeDirection;
  /** A critical unhealthy metric fails the canary alone, whatever `nonCriticalToFail` says. */
  readonly critical: boolean;
  /** Practical margin, relative: 0.1 tolerates a ratio up to 1.1 (down to 1/1.1 for `decrease`). */
  readonly margin: number;
  readonly kind: JudgeMetricKind;
  /**
   * `log` compares log values (effects are ratios), `linear` compares values (effects are
   * differences). Default `auto`: log when every value of both tracks is positive.
   */
  readonly scale?: 'auto' | 'log' | 'linear';
  /** Linear scale only: the margin is max(margin·|baseline median|, absoluteMargin); default 0. */
  readonly absoluteMargin?: number;
}

/** Errors and requests of one interval (e.g. `increase(...[1m])`); non-integer errors are rounded. */
export interface CountWindow {
  readonly errors: number;
  readonly requests: number;
}

/** A track without data, and why (Prometheus down, empty series, only NaN …). Never a pass. */
export interface NoData {
  readonly noData: string;
}

/** One track's samples, oldest first, with how many non-finite samples the fetcher already dropped. */
export type Track<T> = { readonly values: readonly T[]; readonly dropped?: number } | NoData;

/** A metric measured as a series of values (latency, CPU, memory). */
export interface SeriesMetric {
  readonly config: JudgeMetricConfig & { readonly kind: 'continuous' | 'memory' };
  readonly baseline: Track<number>;
  readonly canary: Track<number>;
}

/** A metric measured as error and request counts. */
export interface CountsMetric {
  readonly config: JudgeMetricConfig & { readonly kind: 'counts' };
  readonly baseline: Track<CountWindow>;
  readonly canary: Track<CountWindow>;
}

/** One metric for the judge. */
export type JudgeMetric = SeriesMetric | CountsMetric;

/** What one look judges. */
export interface JudgeInput {
  readonly metrics: readonly JudgeMetric[];
  /** This look, 1-based. */
  readonly look: number;
  /** Planned looks; alpha is spent across them (Kim–DeMets power ρ = 12: 88.8 % of it at the last look). */
  readonly looks: number;
}

/** Tuning of the judge; every field has the CANARY.md §6.3 default. */
export interface JudgeOptions {
  /** Family-wise error rate of an unhealthy verdict over all metrics and looks; default 0.01. */
  readonly alpha?: number;
  /** Two-sided confidence of the interval that must lie inside the margin for healthy; default 0.9 (TOST at 0.05). */
  readonly healthyConfidence?: number;
  /** Fewer cleaned samples (windows for counts) in a track → inconclusive; default 10. */
  readonly minSamples?: number;
  /** Lag-1 autocorrelation above which samples are averaged into blocks; default 0.2. */
  readonly autocorrelationThreshold?: number;
  /**
   * Tracks shorter than this are not blocked: a lag-1 autocorrelation from a handful of points is
   * noise (its standard error is about 1/√n) and blocking them would leave nothing to test; default 20.
   */
  readonly minAutocorrelationSamples?: number;
  /**
   * One-sided confidence of the upper bound on the lag-1 autocorrelation that block sizes are
   * chosen from (`pooledRankLag1`): an underestimated ρ gives too-short blocks and false alarms,
   * an overestimated one only costs power (and what the blocks leave is corrected by the shift test's
   * variance inflation, see `chooseBlockSize`); default 0.95 (z = 1.645).
   */
  readonly autocorrelationConfidence?: number;
  /** Largest block; default 60. */
  readonly maxBlockSize?: number;
  /** Unhealthy non-critical metrics that fail the canary; default 1 (any). */
  readonly nonCriticalToFail?: number;
  /** The leak test's margin: extra growth over this many samples must stay under margin·baseline median; default 1440. */
  readonly leakHorizon?: number;
  /** The leak test averages the difference series down to at most this many points; default 240. */
  readonly maxLeakPoints?: number;
}

/** A number as JSON can carry it: ±∞ and NaN become strings. */
export type JsonNumber = number | 'Infinity' | '-Infinity' | 'NaN';

/**
 * The rule that decided a test (and, for the metric, the deciding test's rule):
 * - `no_data`: a track had no data; `too_few_samples`: fewer than `minSamples`; `no_errors`: no
 *   errors in either track, so the rate ratio is unknown — all three are inconclusive;
 * - `significant_beyond_margin`: Holm-adjusted p ≤ this look's α and the estimate beyond the margin → unhealthy;
 * - `within_margin`: the interval lies inside the margin band → healthy;
 * - `cannot_reach_alpha`: even complete separation could not reach this look's α (attainable-significance guard);
 * - `significant_within_margin`, `not_significant`: inconclusive.
 */
export type JudgeRule =
  | 'no_data'
  | 'too_few_samples'
  | 'no_errors'
  | 'significant_beyond_margin'
  | 'within_margin'
  | 'cannot_reach_alpha'
  | 'significant_within_margin'
  | 'not_significant';

/** Sample counts of one track: as given, dropped as non-finite or invalid, and used after cleaning. */
export interface SampleCount {
  readonly raw: number;
  readonly dropped: number;
  readonly used: number;
}

/** The full evidence of one test of one metric. */
export interface TestTrace {
  /** `shift`: Hodges–Lehmann + Moses + Mann–Whitney; `rate_ratio`: exact conditional binomial; `leak`: Theil–Sen + Mann–Kendall. */
  readonly test: 'shift' | 'rate_ratio' | 'leak';
  readonly verdict: CanaryVerdictValue;
  readonly rule: JudgeRule;
  readonly samples: { readonly canary: SampleCount; readonly baseline: SampleCount };
  /** Points averaged (or windows summed) per block against autocorrelation; 1 = none. */
  readonly blockSize: number;
  /**
   * Bias-corrected lag-1 autocorrelation of each track's ranks (for `leak`: of each track's
   * ranks after removing its Theil–Sen line).
   */
  readonly autocorrelation: { readonly canary: JsonNumber; readonly baseline: JsonNumber };
  /**
   * The dependence the block size was chosen from: the bias-corrected lag-1 autocorrelation of
   * the ranks of both tracks pooled, its one-sided upper confidence bound (which sets the block
   * size), and the effective number of independent points per track at the pooled estimate,
   * n(1 − ρ)/(1 + ρ) (CANARY.md §6.2.7).
   */
  readonly dependence: {
    readonly pooled: JsonNumber;
    readonly upper: JsonNumber;
    readonly effectiveSamples: JsonNumber;
  };
  /** Medians of the cleaned values (error rates for counts). */
  readonly center: { readonly canary: JsonNumber; readonly baseline: JsonNumber };
  /** `ratio` canary/baseline, `difference` canary − baseline, `slope` of canary − baseline per sample. */
  readonly effect: {
    readonly unit: 'ratio' | 'difference' | 'slope';
    readonly estimate: JsonNumber;
    readonly lower: JsonNumber;
    readonly upper: JsonNumber;
    readonly confidence: number;
  };
  /** The band an effect must stay inside, in the effect's unit; `relative` is the configured margin. */
  readonly margin: { readonly lower: JsonNumber; readonly upper: JsonNumber; readonly relative: number };
  /** P-values in the harmful direction: raw, Holm-adjusted over every test of the look, and the look's α. */
  readonly p: {
    readonly raw: JsonNumber;
    readonly adjusted: JsonNumber;
    readonly alpha: number;
    readonly minAttainable: JsonNumber;
  };
  readonly flags: readonly string[];
}

/** One metric's verdict with its tests. */
export interface MetricTrace {
  readonly name: string;
  readonly kind: JudgeMetricKind;
  readonly direction: JudgeDirection;
  readonly critical: boolean;
  readonly verdict: CanaryVerdictValue;
  readonly rule: JudgeRule;
  /** One line: what the deciding test showed. */
  readonly reason: string;
  readonly tests: readonly TestTrace[];
}

/** The judge's answer for one look; every field is JSON-safe and identical input gives identical bytes. */
export interface CanaryJudgement {
  readonly verdict: CanaryVerdictValue;
  /** `critical_unhealthy`, `unhealthy_metrics`, `inconclusive_metrics` or `all_healthy`. */
  readonly rule: 'critical_unhealthy' | 'unhealthy_metrics' | 'inconclusive_metrics' | 'all_healthy';
  readonly look: number;
  readonly looks: number;
  readonly alpha: { readonly family: number; readonly look: number };
  /** Kayenta-style 0–100 score, for information only: it never decides. */
  readonly score: number;
  readonly metrics: readonly MetricTrace[];
  /** One line for the card. */
  readonly summary: string;
  /** Full text for the thread. */
  readonly details: string;
}
