import { pairwiseDifferenceOrderStatistic } from './pairwise-difference-order-statistic.ts';
import { sortedFinite } from './sorted-finite.ts';

/**
 * The two-sample Hodges–Lehmann shift estimate: the median of the n·m pairwise differences
 * y_j − x_i (the shift of y relative to x; pass x = baseline, y = canary for "canary − baseline").
 * Exact: the middle order statistic(s) are selected from the implicit sorted difference matrix
 * (`pairwiseDifferenceOrderStatistic`, O((n + m) log(n) log(nm))), so the result equals the
 * brute-force median of all differences to the bit; an even count averages the two middle
 * values as (a + b) / 2. Shift-equivariant (HL(x, y + c) = HL(x, y) + c whenever the additions are
 * exact), scale-equivariant for positive scales, and HL(y, x) = −HL(x, y) exactly.
 * Inputs must be non-empty and finite (throws RangeError otherwise).
 */
export function hodgesLehmannShift(x: readonly number[], y: readonly number[]): number {
  const xs = sortedFinite(x, 'x');
  const ys = sortedFinite(y, 'y');
  const total = xs.length * ys.length;
  const lower = pairwiseDifferenceOrderStatistic(xs, ys, Math.floor((total + 1) / 2));
  if (total % 2 === 1) return lower;
  return (lower + pairwiseDifferenceOrderStatistic(xs, ys, total / 2 + 1)) / 2;
}
