import { kayentaBrentZero } from './kayenta-brent-zero.ts';
import { kayentaNormalQuantile } from './kayenta-normal-quantile.ts';
import { kayentaWilcoxonDiff } from './kayenta-wilcoxon-diff.ts';

/** Kayenta's Mann-Whitney interval and estimate, with the search range and quantile behind them. */
export interface KayentaMannWhitneyInterval {
  readonly kind: 'interval';
  /** root(−z_{α/2}); may exceed `ciHigh` at tiny scales (defect D2). */
  readonly ciLow: number;
  readonly ciHigh: number;
  /** Root of the continuity-corrected statistic — not R's estimate (defect D3). */
  readonly estimate: number;
  readonly muMin: number;
  readonly muMax: number;
  /** z_{α/2} = Φ⁻¹((1 − confLevel)/2), negative. */
  readonly zQuantile: number;
}

/** Kayenta's IllegalArgumentException "cannot compute confidence interval when all observations are tied". */
export interface KayentaMannWhitneyTied {
  readonly kind: 'all_tied';
}

/** Outcome of `kayentaMannWhitney`. */
export type KayentaMannWhitneyOutcome = KayentaMannWhitneyInterval | KayentaMannWhitneyTied;

function extent(values: Float64Array): { readonly min: number; readonly max: number } {
  return { min: values[0] as number, max: values[values.length - 1] as number };
}

/**
 * Port of Kayenta's `MannWhitney.calculateConfidenceInterval` (§2.4) — R's asymptotic
 * `wilcox.test(conf.int = TRUE, correct = TRUE)` interval, except that the estimate keeps the continuity
 * correction. x is the canary (experiment), y the baseline (control); shift = location(x) − location(y).
 * Both samples must be non-empty. Each end of the interval is clamped to [μ_min, μ_max] when the requested
 * level cannot be reached (defect D4).
 */
export function kayentaMannWhitney(
  canary: readonly number[],
  baseline: readonly number[],
  confLevel: number,
): KayentaMannWhitneyOutcome {
  const xs = Float64Array.from(canary).sort();
  const ys = Float64Array.from(baseline).sort();
  const x = extent(xs);
  const y = extent(ys);
  const muMin = x.min - y.max;
  const muMax = x.max - y.min;
  const diff = (mu: number, zq: number): number => kayentaWilcoxonDiff(xs, ys, mu, zq);
  const findRoot = (zq: number): number => {
    const fLower = diff(muMin, zq);
    const fUpper = diff(muMax, zq);
    if (fLower <= 0) return muMin;
    if (fUpper >= 0) return muMax;
    return kayentaBrentZero(muMin, muMax, fLower, fUpper, (mu) => diff(mu, zq));
  };
  const zQuantile = kayentaNormalQuantile((1 - confLevel) / 2);
  // σ = 0 only when every value of x − μ and y is one value, which can only happen at μ_min = μ_max.
  if (Number.isNaN(diff(muMin, 0))) return { kind: 'all_tied' };
  const ciLow = findRoot(-zQuantile);
  const ciHigh = findRoot(zQuantile);
  const estimate = kayentaBrentZero(muMin, muMax, diff(muMin, 0), diff(muMax, 0), (mu) => diff(mu, 0));
  return { kind: 'interval', ciLow, ciHigh, estimate, muMin, muMax, zQuantile };
}
