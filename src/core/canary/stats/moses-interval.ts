import { mannWhitneyNullCdfTable } from './mann-whitney-null-cdf.ts';
import { checkInflation } from './mann-whitney-u.ts';
import { normalQuantile } from './normal-quantile.ts';
import { pairwiseDifferenceOrderStatistic } from './pairwise-difference-order-statistic.ts';
import { pooledRanks } from './pooled-ranks.ts';
import { sortedFinite } from './sorted-finite.ts';

/** A distribution-free confidence interval for the shift of y relative to x. */
export interface MosesInterval {
  /** D_(k+1), or −∞ when the level is not attainable. */
  readonly lower: number;
  /** D_(nm−k), or +∞ when the level is not attainable. */
  readonly upper: number;
  /** The order-statistic depth k (−1 when the level is not attainable at these sample sizes). */
  readonly k: number;
  /** How k was found: the exact null distribution of U, or its normal approximation. */
  readonly method: 'exact' | 'asymptotic';
  /** False when even [D_(1), D_(nm)] does not reach the requested confidence (k = −1). */
  readonly attainable: boolean;
}

/** Options of {@link mosesInterval}. */
export interface MosesIntervalOptions {
  /** Factor (≥ 1) multiplying the null variance of U, as in `mannWhitneyU`; default 1. */
  readonly varianceInflation?: number;
}

/**
 * The Moses confidence interval for the shift of y relative to x (the interval that goes with
 * {@link hodgesLehmannShift}), from order statistics of the n·m pairwise differences
 * D = y_j − x_i, with no root finding and no tolerance.
 *
 * Rank convention: D_(1) ≤ … ≤ D_(nm) are the sorted differences, 1-based; the interval is
 * [D_(k+1), D_(nm−k)] where k is the largest integer with P₀(U ≤ k) ≤ α/2, α = 1 − confidence,
 * U the Mann-Whitney statistic under the null hypothesis. Its coverage is then
 * 1 − 2·P₀(U ≤ k) ≥ confidence (continuous data).
 * - exact (SciPy's `auto` rule: min(n, m) ≤ 8 and no ties in the pooled sample): k from the exact
 *   null distribution, comparing 2·P₀(U ≤ k) with α exactly as the exact two-sided p-value is
 *   computed, so 0 ∉ interval ⇔ `mannWhitneyU(x, y).pValue ≤ α` (test–interval duality);
 * - asymptotic otherwise: k = ⌊nm/2 − ½ − z_{1−α/2}·σ⌋ with SciPy's tie-corrected σ and the
 *   continuity correction (the interval dual to the asymptotic, continuity-corrected test).
 * When k < 0 the requested confidence cannot be reached with these sample sizes: the interval is
 * (−∞, +∞) and `attainable` is false (never clamp to the data range: Kayenta's defect D4).
 * For a one-sided bound at level 1 − α, use confidence 1 − 2α and read one end.
 * `varianceInflation` (default 1) multiplies σ² and forces the asymptotic k, the interval dual to
 * `mannWhitneyU` with the same option: k = ⌊nm/2 − ½ − z·σ·√f⌋, so it widens exactly as the test's
 * p-value is made more conservative (its coverage holds under the dependence the factor accounts for).
 * Shift- and scale-equivariant, and swapping x and y mirrors the interval exactly.
 */
export function mosesInterval(
  x: readonly number[],
  y: readonly number[],
  confidence: number,
  options: MosesIntervalOptions = {},
): MosesInterval {
  const inflation = checkInflation(options.varianceInflation);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1): ${confidence}`);
  const xs = sortedFinite(x, 'x');
  const ys = sortedFinite(y, 'y');
  const n = xs.length;
  const m = ys.length;
  const nm = n * m;
  const alpha = 1 - confidence;
  const { tieTerm, hasTies } = pooledRanks(xs, ys);
  const exact = !hasTies && Math.min(n, m) <= 8 && inflation === 1;
  let k: number;
  if (exact) {
    const cdf = mannWhitneyNullCdfTable(n, m, Math.floor(nm / 2));
    // 2·P₀(U ≤ ⌊nm/2⌋) ≥ 1 > α, so the scan stops inside the table.
    k = -1;
    while (Math.min(1, 2 * (cdf[k + 1] as number)) <= alpha) k += 1;
  } else {
    const N = n + m;
    const s = Math.sqrt((nm / 12) * (N + 1 - tieTerm / (N * (N - 1))) * inflation);
    k = Math.max(-1, Math.floor(nm / 2 - 0.5 - normalQuantile(1 - alpha / 2) * s));
  }
  const method = exact ? 'exact' : 'asymptotic';
  if (k < 0) {
    return { lower: Number.NEGATIVE_INFINITY, upper: Number.POSITIVE_INFINITY, k: -1, method, attainable: false };
  }
  return {
    lower: pairwiseDifferenceOrderStatistic(xs, ys, k + 1),
    upper: pairwiseDifferenceOrderStatistic(xs, ys, nm - k),
    k,
    method,
    attainable: true,
  };
}
