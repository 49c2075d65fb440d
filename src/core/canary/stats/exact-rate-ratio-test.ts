import { binomialTest } from './binomial-test.ts';
import { clopperPearsonInterval } from './clopper-pearson-interval.ts';

/** Options of {@link exactRateRatioTest}. */
export interface ExactRateRatioOptions {
  /** Two-sided confidence of the interval; default 0.95 (use 1 − 2α for a one-sided bound at 1 − α). */
  readonly confidence?: number;
}

/** The conditional exact test of the canary's error rate against the baseline's. */
export interface ExactRateRatioResult {
  /** (errorsCanary / requestsCanary) / (errorsBaseline / requestsBaseline); +∞ when the baseline has no errors and the canary has some, NaN when neither has any. */
  readonly ratio: number;
  /** Total errors, the number of binomial trials the test conditions on. */
  readonly totalErrors: number;
  /** The null success probability requestsCanary / (requestsCanary + requestsBaseline). */
  readonly p0: number;
  /** P-value for "the canary's rate is higher" (P(X ≥ errorsCanary)). */
  readonly pGreater: number;
  /** P-value for "the canary's rate is lower" (P(X ≤ errorsCanary)). */
  readonly pLess: number;
  /** Two-sided p-value, SciPy `binomtest`'s method. */
  readonly pTwoSided: number;
  /** Clopper–Pearson bounds for the share of errors that fall on the canary. */
  readonly proportionLower: number;
  readonly proportionUpper: number;
  /** The same bounds as a rate ratio: π/(1 − π) · requestsBaseline/requestsCanary (upper +∞ when the baseline has no errors). */
  readonly lower: number;
  readonly upper: number;
}

/**
 * The conditional exact binomial test of the Poisson/binomial rate ratio λ_canary / λ_baseline
 * (the design's error-rate test, CANARY.md §6.2.2). Given the total errors k = e_c + e_b, under
 * equal rates e_c ~ Binomial(k, p0) with p0 = n_c / (n_c + n_b), so the test is `binomialTest(e_c,
 * k, p0)` and the interval is the Clopper–Pearson interval π ∈ [π_L, π_U] for the canary's share
 * mapped through R = π/(1 − π) · n_b/n_c. Zero baseline errors need no special case: the ratio
 * is +∞, the upper bound +∞ and the lower bound finite. With no errors at all (k = 0) nothing is
 * learned: every p-value is 1 and the interval is [0, +∞). Error counts must be non-negative
 * integers; requests are the exposure (any finite positive number, so a Poisson rate per second
 * works too); throws RangeError otherwise.
 */
export function exactRateRatioTest(
  errorsCanary: number,
  requestsCanary: number,
  errorsBaseline: number,
  requestsBaseline: number,
  options: ExactRateRatioOptions = {},
): ExactRateRatioResult {
  for (const [e, r] of [
    [errorsCanary, requestsCanary],
    [errorsBaseline, requestsBaseline],
  ] as const) {
    if (!(Number.isInteger(e) && e >= 0 && r > 0 && Number.isFinite(r))) {
      throw new RangeError(`errors must be integers ≥ 0 and requests (the exposure) finite and > 0: ${e}, ${r}`);
    }
  }
  const totalErrors = errorsCanary + errorsBaseline;
  const p0 = requestsCanary / (requestsCanary + requestsBaseline);
  const ratio = errorsCanary / requestsCanary / (errorsBaseline / requestsBaseline);
  if (totalErrors === 0) {
    return {
      ratio,
      totalErrors,
      p0,
      pGreater: 1,
      pLess: 1,
      pTwoSided: 1,
      proportionLower: 0,
      proportionUpper: 1,
      lower: 0,
      upper: Number.POSITIVE_INFINITY,
    };
  }
  const test = binomialTest(errorsCanary, totalErrors, p0);
  const ci = clopperPearsonInterval(errorsCanary, totalErrors, options.confidence ?? 0.95);
  const toRatio = (pi: number): number => (pi * requestsBaseline) / ((1 - pi) * requestsCanary);
  return {
    ratio,
    totalErrors,
    p0,
    pGreater: test.pGreater,
    pLess: test.pLess,
    pTwoSided: test.pTwoSided,
    proportionLower: ci.lower,
    proportionUpper: ci.upper,
    lower: toRatio(ci.lower),
    upper: toRatio(ci.upper),
  };
}
