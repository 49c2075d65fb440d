import { lag1Autocorrelation } from '../stats/lag1-autocorrelation.ts';

/**
 * A lag-1 autocorrelation for deciding block sizes that heavy tails and short series cannot fool:
 * the lag-1 autocorrelation of the series' average ranks (one Cauchy spike would otherwise dominate
 * the product-moment estimate and hide the dependence), plus Kendall's small-sample bias
 * correction (1 + 4ρ̂)/n (the estimate is biased towards 0 by about that much for AR(1)), capped
 * at 1. Fewer than 3 points give 0.
 */
export function robustLag1(v: readonly number[]): number {
  const n = v.length;
  if (n < 3) return 0;
  const sorted = Float64Array.from(v).sort();
  // Average rank of each value: the middle of its run in the sorted copy (two binary searches).
  const ranks = v.map((x) => (firstIndex(sorted, x, false) + firstIndex(sorted, x, true) - 1) / 2);
  const r = lag1Autocorrelation(ranks);
  return Math.min(1, r + (1 + 4 * r) / n);
}

/** The first index whose value is ≥ x (or > x when `after`), by binary search. */
function firstIndex(sorted: Float64Array, x: number, after: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid] as number;
    if (v < x || (after && v === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
