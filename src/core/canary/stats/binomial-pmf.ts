/**
 * Binomial probability mass by Catherine Loader's saddle-point expansion ("Fast and accurate
 * computation of binomial probabilities", 2000; the algorithm of R's `dbinom`). It never forms
 * n!/(k!(n−k)!) or p^k: the log-mass is a sum of the Stirling-series errors and deviance terms
 * `bd0`, each small and accurate, so the result has about 1e-15 relative error wherever it does
 * not underflow, the same as SciPy's `binom.pmf` (Boost).
 */

/** stirlerr(n) = ln n! − ln(√(2πn)(n/e)ⁿ) for n = 0…15, computed to 50 digits (scripts/canary). */
const STIRLERR_SMALL = [
  0, 0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093, 0.016644691189821193,
  0.013876128823070748, 0.01189670994589177, 0.010411265261972096, 0.009255462182712733, 0.00833056343336287,
  0.007573675487951841, 0.00694284010720953, 0.006408994188004207, 0.0059513701127588475, 0.005554733551962801,
];
const S0 = 1 / 12;
const S1 = 1 / 360;
const S2 = 1 / 1260;
const S3 = 1 / 1680;
const S4 = 1 / 1188;
const LN_2PI = 1.8378770664093456;

/** Stirling-series error of ln n! for a non-negative integer n. */
function stirlerr(n: number): number {
  if (n <= 15) return STIRLERR_SMALL[n] as number;
  const nn = n * n;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/** Deviance term bd0(x, m) = x·ln(x/m) + m − x, by a series when x is close to m. */
function bd0(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let s = (x - m) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 3; ; j += 2) {
      ej *= v;
      const s1 = s + ej / j;
      if (s1 === s) return s1;
      s = s1;
    }
  }
  return x * Math.log(x / m) + m - x;
}

/**
 * P(X = k) for X ~ Binomial(n, p), for integers 0 ≤ k ≤ n and 0 ≤ p ≤ 1 (q = 1 − p is rounded
 * once, as SciPy does). Outside the support the mass is 0.
 */
export function binomialPmf(k: number, n: number, p: number): number {
  if (k < 0 || k > n) return 0;
  const q = 1 - p;
  if (p === 0) return k === 0 ? 1 : 0;
  if (q === 0) return k === n ? 1 : 0;
  if (k === 0) return Math.exp(p < 0.1 ? -bd0(n, n * q) - n * p : n * Math.log(q));
  if (k === n) return Math.exp(q < 0.1 ? -bd0(n, n * p) - n * q : n * Math.log(p));
  const lc = stirlerr(n) - stirlerr(k) - stirlerr(n - k) - bd0(k, n * p) - bd0(n - k, n * q);
  const lf = LN_2PI + Math.log(k) + Math.log1p(-k / n);
  return Math.exp(lc - 0.5 * lf);
}
