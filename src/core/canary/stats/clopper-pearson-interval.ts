import { binomialTails } from './binomial-cdf.ts';

/** A confidence interval for a binomial success probability. */
export interface ProportionInterval {
  readonly lower: number;
  readonly upper: number;
}

/**
 * The largest double p in [0, 1] with `below(p)` true, for a predicate that is true on [0, root)
 * and false above (monotone): bisection on doubles until the bracket is two adjacent doubles.
 * Exact to the last bit of the predicate, deterministic, at most ~1100 steps (typically ~60).
 */
function lastTrue(below: (p: number) => boolean): number {
  let lo = 0;
  let hi = 1;
  for (;;) {
    const mid = lo + (hi - lo) / 2;
    if (mid === lo || mid === hi) return lo;
    if (below(mid)) lo = mid;
    else hi = mid;
  }
}

/**
 * The Clopper–Pearson ("exact") two-sided interval for the success probability of k successes in
 * n trials: lower = the p with P(X ≥ k | p) = α/2 (0 when k = 0), upper = the p with
 * P(X ≤ k | p) = α/2 (1 when k = n), α = 1 − confidence — SciPy's
 * `binomtest(k, n).proportion_ci(confidence, method='exact')`, which solves the same equations
 * with `brentq` (absolute tolerance 2e-12). Here the tails are inverted by bisection on doubles
 * down to adjacent floating-point numbers, so each bound is within an ulp or two of the exact
 * root (equal to `scipy.special.betaincinv` to about 1e-13 relative) at every scale. The tails
 * are monotone in p, which makes the result unique and deterministic. For a one-sided bound at
 * level 1 − α use confidence 1 − 2α.
 */
export function clopperPearsonInterval(k: number, n: number, confidence: number): ProportionInterval {
  if (!(Number.isInteger(k) && Number.isInteger(n) && n >= 1 && k >= 0 && k <= n)) {
    throw new RangeError(`clopperPearsonInterval needs integers 0 ≤ k ≤ n, n ≥ 1: ${k}, ${n}`);
  }
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1): ${confidence}`);
  const half = (1 - confidence) / 2;
  const lower = k === 0 ? 0 : lastTrue((p) => binomialTails(k - 1, n, p).sf < half);
  const upper = k === n ? 1 : lastTrue((p) => binomialTails(k, n, p).cdf > half);
  return { lower, upper };
}
