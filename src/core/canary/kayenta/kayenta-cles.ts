import { kayentaRankSum } from './kayenta-rank-sum.ts';

/**
 * Kayenta's common-language effect size (§2.3 step 6): (2·R₁ − m(m+1)) / (2·n·m), where R₁ is the sum of
 * the canary's average ranks in the pooled sample, m = |canary| and n = |baseline|. Equals
 * P(X > Y) + ½·P(X = Y).
 */
export function kayentaCles(canary: readonly number[], baseline: readonly number[]): number {
  const m = canary.length;
  const n = baseline.length;
  const { rankSumX } = kayentaRankSum(Float64Array.from(canary).sort(), Float64Array.from(baseline).sort(), 0);
  return (2 * rankSumX - m * (m + 1)) / (2 * n * m);
}
