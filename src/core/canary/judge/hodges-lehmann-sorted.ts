import { pairwiseDifferenceOrderStatistic } from '../stats/pairwise-difference-order-statistic.ts';

/**
 * The Hodges–Lehmann shift of ys relative to xs from already sorted samples — the same value,
 * bit for bit, as `hodgesLehmannShift(x, y)` — with one selection instead of two: for an even
 * number of differences the upper middle one is found by a single staircase walk (the count of
 * differences ≤ the lower middle one and the smallest difference above it), O(n + m).
 */
export function hodgesLehmannSorted(xs: Float64Array, ys: Float64Array): number {
  const total = xs.length * ys.length;
  const k = Math.floor((total + 1) / 2);
  const lower = pairwiseDifferenceOrderStatistic(xs, ys, k);
  if (total % 2 === 1) return lower;
  let atMost = 0;
  let next = Number.POSITIVE_INFINITY;
  let c = 0;
  // For x ascending, y − x falls, so the number of y with y − x ≤ lower never decreases.
  for (let i = 0; i < xs.length; i += 1) {
    const x = xs[i] as number;
    while (c < ys.length && (ys[c] as number) - x <= lower) c += 1;
    atMost += c;
    if (c < ys.length) next = Math.min(next, (ys[c] as number) - x);
  }
  return (lower + (atMost > k ? lower : next)) / 2;
}
