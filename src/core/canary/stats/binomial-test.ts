import { binomialTails } from './binomial-cdf.ts';
import { binomialPmf } from './binomial-pmf.ts';

/** P-values of the exact binomial test of k successes in n trials against success probability p. */
export interface BinomialTestResult {
  /** P(X ≤ k): evidence that the true probability is below p. */
  readonly pLess: number;
  /** P(X ≥ k): evidence that the true probability is above p. */
  readonly pGreater: number;
  /** SciPy's two-sided p: the mass of every outcome no more likely than k (relative slack 1e-7). */
  readonly pTwoSided: number;
}

/**
 * SciPy's `_binary_search_for_binom_tst`: the index i in [lo, hi] with a(i) ≤ d < a(i + 1) for an
 * increasing a, by bisection on integers.
 */
function searchMonotone(a: (i: number) => number, d: number, lo: number, hi: number): number {
  let l = lo;
  let h = hi;
  while (l < h) {
    const mid = l + Math.floor((h - l) / 2);
    const v = a(mid);
    if (v < d) l = mid + 1;
    else if (v > d) h = mid - 1;
    else return mid;
  }
  return a(l) <= d ? l : l - 1;
}

/**
 * The exact binomial test, reproducing `scipy.stats.binomtest` (SciPy 1.10) step for step: `less`
 * is P(X ≤ k), `greater` is P(X ≥ k), and `two-sided` adds to the tail at k the opposite tail of
 * all outcomes whose mass is ≤ pmf(k)·(1 + 1e-7), found by SciPy's binary search on the other side
 * of the mode. Masses and tails come from `binomialPmf` / `binomialTails` (about 1e-15 relative),
 * so the p-values agree with SciPy's to about 1e-13 relative. Requires integers 0 ≤ k ≤ n, n ≥ 1
 * and 0 ≤ p ≤ 1 (throws RangeError otherwise).
 */
export function binomialTest(k: number, n: number, p: number): BinomialTestResult {
  if (!(Number.isInteger(k) && Number.isInteger(n) && n >= 1 && k >= 0 && k <= n && p >= 0 && p <= 1)) {
    throw new RangeError(`binomialTest needs integers 0 ≤ k ≤ n, n ≥ 1 and 0 ≤ p ≤ 1: ${k}, ${n}, ${p}`);
  }
  const pLess = binomialTails(k, n, p).cdf;
  const pGreater = binomialTails(k - 1, n, p).sf;
  const d = binomialPmf(k, n, p);
  const rerr = 1 + 1e-7;
  let pTwoSided: number;
  if (k === p * n) {
    pTwoSided = 1;
  } else if (k < p * n) {
    const ix = searchMonotone((i) => -binomialPmf(i, n, p), -d * rerr, Math.ceil(p * n), n);
    // SciPy adds ix itself in the (measure-zero) case that its mass equals d·rerr exactly.
    const y = n - ix + Number(d * rerr === binomialPmf(ix, n, p));
    pTwoSided = pLess + binomialTails(n - y, n, p).sf;
  } else {
    const ix = searchMonotone((i) => binomialPmf(i, n, p), d * rerr, 0, Math.floor(p * n));
    pTwoSided = binomialTails(ix, n, p).cdf + pGreater;
  }
  return { pLess, pGreater, pTwoSided: Math.min(1, pTwoSided) };
}
