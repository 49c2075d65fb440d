/** Options of {@link effectiveBlockSize}. */
export interface EffectiveBlockSizeOptions {
  /** The lag-1 autocorrelation the block means may keep; default 0.2 (CANARY.md §6.2.7). */
  readonly threshold?: number;
  /** The largest block size returned; default 60 (an hour of per-minute points). */
  readonly maxBlockSize?: number;
}

/**
 * Lag-1 autocorrelation of the means of consecutive blocks of b points of an AR(1) series with
 * parameter ρ: ρ(1 − ρ^b)² / (b(1 − ρ²) − 2ρ(1 − ρ^b)) (it is ρ at b = 1 and decreases to 0).
 */
export function blockMeanAutocorrelation(rho: number, b: number): number {
  const rb = 1 - rho ** b;
  return (rho * rb * rb) / (b * (1 - rho * rho) - 2 * rho * rb);
}

/**
 * The block size for per-minute series with lag-1 autocorrelation ρ (the rule of CANARY.md
 * §6.2.7, made exact for AR(1)): 1 when ρ ≤ threshold (0.2), otherwise the smallest b whose block
 * means have lag-1 autocorrelation below the threshold under an AR(1) model
 * ({@link blockMeanAutocorrelation}), capped at `maxBlockSize`. ρ = 0.5 gives 5, ρ = 0.8 gives 15, ρ = 0.9 gives 32;
 * ρ ≥ 1 (a unit root: no block size helps) gives the cap; a cap below 2 gives 1.
 */
export function effectiveBlockSize(rho: number, options: EffectiveBlockSizeOptions = {}): number {
  const threshold = options.threshold ?? 0.2;
  const cap = options.maxBlockSize ?? 60;
  if (!(rho > threshold) || cap <= 1) return 1;
  if (rho >= 1) return cap;
  let b = 2;
  while (b < cap && blockMeanAutocorrelation(rho, b) >= threshold) b += 1;
  return b;
}
