import { mannWhitneyNullCdf } from './mann-whitney-null-cdf.ts';
import { checkInflation } from './mann-whitney-u.ts';
import { normalCdf } from './normal-cdf.ts';

/** Options of {@link minAttainableP}; the same meaning and defaults as for `mannWhitneyU`. */
export interface MinAttainablePOptions {
  /** Default `auto`: exact when min(n, m) ≤ 8 (untied data), asymptotic otherwise. */
  readonly method?: 'auto' | 'exact' | 'asymptotic';
  /** Continuity correction of the asymptotic test; default true. */
  readonly useContinuity?: boolean;
  /** Factor (≥ 1) multiplying the null variance of U, as in `mannWhitneyU`: above 1, `auto` is asymptotic; default 1. */
  readonly varianceInflation?: number;
}

/**
 * The smallest two-sided p-value the Mann-Whitney test (as `mannWhitneyU` computes it) can return
 * for untied samples of sizes n and m: the p-value of complete separation (U = nm).
 * Exact: 2 / C(n+m, n) (0.1 for 3×3, 0.0286 for 4×4, 0.0079 for 5×5); asymptotic:
 * 2·Φ(−(nm/2 − ½)/σ) with σ = √(nm(n+m+1)/12) (no ½ without the continuity correction).
 * The attainable-significance guard: when the per-test α after Holm and alpha spending is below
 * this value, the test can never flag, so the verdict must be "inconclusive — insufficient
 * samples", never High/Low. (Ties within groups shrink the tie-corrected σ and can push the
 * asymptotic p of separated tied data slightly lower; the guard is stated for untied data.)
 */
export function minAttainableP(n: number, m: number, options: MinAttainablePOptions = {}): number {
  if (!(Number.isInteger(n) && Number.isInteger(m) && n >= 1 && m >= 1)) {
    throw new RangeError(`sample sizes must be positive integers: ${n}, ${m}`);
  }
  const inflation = checkInflation(options.varianceInflation);
  const requested = options.method ?? 'auto';
  const exact = requested === 'exact' || (requested === 'auto' && Math.min(n, m) <= 8 && inflation === 1);
  if (exact) return Math.min(1, 2 * mannWhitneyNullCdf(0, n, m));
  const N = n + m;
  const s = Math.sqrt(((n * m) / 12) * (N + 1) * inflation);
  const numerator = n * m - (n * m) / 2 - ((options.useContinuity ?? true) ? 0.5 : 0);
  return Math.min(1, 2 * normalCdf(-(numerator / s)));
}
