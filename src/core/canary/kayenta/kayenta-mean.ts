/**
 * Arithmetic mean the way Apache commons-math3 `Mean.evaluate` computes it (Kayenta's `StatUtils.mean`):
 * sum/n plus the two-pass correction Σ(xᵢ − x̄)/n, so results match Kayenta to the bit. Empty → NaN.
 */
export function kayentaMean(values: readonly number[]): number {
  const n = values.length;
  let sum = 0;
  for (const v of values) sum += v;
  const xbar = sum / n;
  let correction = 0;
  for (const v of values) correction += v - xbar;
  return xbar + correction / n;
}
