/**
 * The lag-1 sample autocorrelation r₁ = Σ_{t<n} (v_t − v̄)(v_{t+1} − v̄) / Σ_t (v_t − v̄)² (the
 * standard estimator, as R's `acf`). It measures the per-minute dependence that breaks the rank
 * tests' independence assumption (CANARY.md §6.2.7). Defined as 0 — no evidence of dependence —
 * when there are fewer than 3 points or the series is constant. Values must be finite.
 */
export function lag1Autocorrelation(v: readonly number[]): number {
  const n = v.length;
  if (n < 3) return 0;
  let sum = 0;
  for (const x of v) sum += x;
  const mean = sum / n;
  let den = 0;
  let num = 0;
  for (let t = 0; t < n; t += 1) {
    const d = (v[t] as number) - mean;
    den += d * d;
    if (t + 1 < n) num += d * ((v[t + 1] as number) - mean);
  }
  return den === 0 ? 0 : num / den;
}
