import { binomialPmf } from './binomial-pmf.ts';

/**
 * Tail sum of the binomial mass starting at `from` and walking away from the mode (`step` = −1
 * towards 0, +1 towards n). The terms decrease geometrically, so the walk stops once the rest is
 * provably below 1e-17 of the sum (bounded by term·r/(1−r), r the current term ratio).
 */
function tailSum(from: number, step: 1 | -1, n: number, p: number): number {
  const q = 1 - p;
  let sum = 0;
  // The ratio is 0 at i = 0 (walking down) and at i = n (walking up), so the walk always stops inside the support.
  for (let i = from; ; i += step) {
    const term = binomialPmf(i, n, p);
    sum += term;
    const ratio = step === -1 ? (i * q) / ((n - i + 1) * p) : ((n - i) * p) / ((i + 1) * q);
    if (ratio < 1 && term * ratio <= sum * 1e-17 * (1 - ratio)) return sum;
  }
}

/** The two tails of Binomial(n, p) at k, each accurate to a few ulps relative. */
export interface BinomialTails {
  /** P(X ≤ k). */
  readonly cdf: number;
  /** P(X > k). */
  readonly sf: number;
}

/**
 * Binomial distribution function at integer k for X ~ Binomial(n, p): the smaller tail is summed
 * term by term with Loader's mass (`binomialPmf`) from k outwards, the other is its complement,
 * so the tail a p-value needs keeps its relative accuracy (a few ulps; SciPy's Boost `ibeta`
 * agrees to better than 1e-13). Cost: the number of terms above 1e-17 of the tail, O(√(npq)) typically.
 */
export function binomialTails(k: number, n: number, p: number): BinomialTails {
  if (k < 0) return { cdf: 0, sf: 1 };
  if (k >= n) return { cdf: 1, sf: 0 };
  if (k < n * p) {
    const cdf = tailSum(k, -1, n, p);
    return { cdf, sf: 1 - cdf };
  }
  const sf = tailSum(k + 1, 1, n, p);
  return { cdf: 1 - sf, sf };
}
