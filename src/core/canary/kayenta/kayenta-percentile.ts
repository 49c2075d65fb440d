/**
 * The p-th percentile (p in [0, 100]) by the R-7 rule — linear interpolation between order statistics,
 * NumPy's default — as Kayenta's summary statistics and IQR detector use it (§2.2). Empty → NaN.
 */
export function kayentaPercentile(values: readonly number[], p: number): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * (p / 100);
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1] as number;
  const a = sorted[lo] as number;
  return a + (h - lo) * ((sorted[lo + 1] as number) - a);
}
