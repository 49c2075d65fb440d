import { kayentaRankSum } from './kayenta-rank-sum.ts';

/**
 * Kayenta's `wilcoxonDiff(μ, z)` (§2.4): the continuity-corrected, tie-corrected normal statistic of the
 * rank sum of x − μ against y, minus z. Both samples must be sorted ascending. Where Kayenta throws
 * "cannot compute confidence interval when all observations are tied" (σ = 0) this returns NaN.
 */
export function kayentaWilcoxonDiff(
  xsSorted: Float64Array,
  ysSorted: Float64Array,
  mu: number,
  quantile: number,
): number {
  const xLen = xsSorted.length;
  const yLen = ysSorted.length;
  const { rankSumX, tieTerm } = kayentaRankSum(xsSorted, ysSorted, mu);
  const dz = rankSumX - (xLen * (xLen + 1)) / 2 - (xLen * yLen) / 2;
  const correction = Math.sign(dz) * 0.5;
  const sigma = Math.sqrt(((xLen * yLen) / 12) * (xLen + yLen + 1 - tieTerm / ((xLen + yLen) * (xLen + yLen - 1))));
  if (!(sigma > 0)) return Number.NaN;
  return (dz - correction) / sigma - quantile;
}
