/**
 * The effective number of independent points of n autocorrelated points with lag-1
 * autocorrelation ρ under an AR(1) model, n(1 − ρ)/(1 + ρ) (CANARY.md §6.2.7; reported in the
 * trace). Negative ρ is clamped to 0 (never claim more information than points) and ρ ≥ 1 gives 0.
 */
export function effectiveSampleSize(n: number, rho: number): number {
  const r = Math.min(1, Math.max(0, rho));
  return (n * (1 - r)) / (1 + r);
}
