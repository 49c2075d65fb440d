/**
 * The exact null distribution of the Mann-Whitney U statistic for untied samples of sizes n1 and
 * n2. The number of arrangements with U = k is the coefficient of qᵏ in the Gaussian binomial
 * ∏_{j=1}^{m} (1 − q^{n+j}) / (1 − q^j) (m = min(n1, n2), n = max); we expand it truncated at the
 * degree needed, in exact integers: doubles while C(n1+n2, m) < 2^52 (every intermediate is an
 * integer of magnitude ≤ 2·C, so exact), BigInt beyond. Each probability is then one rounding of
 * the exact rational (≤ 1.5 ulp for the BigInt path). Cost O(m·K) for K the largest k needed.
 */

/** C(n + m, m) as a BigInt. */
function binomialCoefficient(n: number, m: number): bigint {
  let c = 1n;
  for (let i = 1; i <= m; i += 1) c = (c * BigInt(n + i)) / BigInt(i);
  return c;
}

const EXACT_DOUBLE_LIMIT = 2n ** 52n;

/** Cumulative counts #{U ≤ j} for j = 0…K in doubles (only when C(n+m, m) < 2^52). */
function cumulativeCountsDouble(m: number, n: number, K: number): number[] {
  const c = new Array<number>(K + 1).fill(0);
  c[0] = 1;
  for (let j = 1; j <= m; j += 1) {
    for (let k = K; k >= n + j; k -= 1) c[k] = (c[k] as number) - (c[k - n - j] as number);
    for (let k = j; k <= K; k += 1) c[k] = (c[k] as number) + (c[k - j] as number);
  }
  for (let k = 1; k <= K; k += 1) c[k] = (c[k] as number) + (c[k - 1] as number);
  return c;
}

/** Cumulative counts #{U ≤ j} for j = 0…K in BigInt. */
function cumulativeCountsBig(m: number, n: number, K: number): bigint[] {
  const c = new Array<bigint>(K + 1).fill(0n);
  c[0] = 1n;
  for (let j = 1; j <= m; j += 1) {
    for (let k = K; k >= n + j; k -= 1) c[k] = (c[k] as bigint) - (c[k - n - j] as bigint);
    for (let k = j; k <= K; k += 1) c[k] = (c[k] as bigint) + (c[k - j] as bigint);
  }
  for (let k = 1; k <= K; k += 1) c[k] = (c[k] as bigint) + (c[k - 1] as bigint);
  return c;
}

/**
 * P(U ≤ j) for j = 0…K under the null hypothesis (no ties), U the Mann-Whitney statistic of
 * samples of sizes n1 and n2 (symmetric in n1, n2). Entry j is the exact rational rounded once.
 */
export function mannWhitneyNullCdfTable(n1: number, n2: number, K: number): readonly number[] {
  const m = Math.min(n1, n2);
  const n = Math.max(n1, n2);
  const total = binomialCoefficient(n, m);
  if (total < EXACT_DOUBLE_LIMIT) {
    const t = Number(total);
    return cumulativeCountsDouble(m, n, K).map((c) => c / t);
  }
  const t = Number(total);
  return cumulativeCountsBig(m, n, K).map((c) => Number(c) / t);
}

/**
 * P(U ≤ k) under the null hypothesis for untied samples of sizes n1, n2 (k an integer). Uses the
 * symmetry U ↔ n1·n2 − U so at most n1·n2/2 + 1 terms are expanded:
 * P(U ≤ k) = 1 − P(U ≤ n1n2 − k − 1) for k above the centre.
 */
export function mannWhitneyNullCdf(k: number, n1: number, n2: number): number {
  const mn = n1 * n2;
  if (k < 0) return 0;
  if (k >= mn) return 1;
  if (2 * k <= mn) return mannWhitneyNullCdfTable(n1, n2, k)[k] as number;
  const mirror = mn - k - 1;
  return 1 - (mannWhitneyNullCdfTable(n1, n2, mirror)[mirror] as number);
}
