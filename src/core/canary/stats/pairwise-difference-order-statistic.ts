/**
 * The k-th smallest (1-based) of the n·m pairwise differences ys[j] − xs[i], each rounded once
 * exactly as a brute-force `y - x` would be, without forming them: a Johnson–Mizoguchi selection
 * ("Selecting the Kth element in X + Y and X1 + X2 + … + Xm", SIAM J. Comput. 1978) on the
 * implicit matrix whose rows (x descending) and columns (y ascending) are both non-decreasing
 * (floating-point subtraction is monotone in each argument, so the rounded matrix is sorted too).
 *
 * Each round takes the weighted median of the active rows' middle elements as pivot, counts the
 * entries < pivot and ≤ pivot along the staircase in O(n + m), and either returns the pivot or
 * discards the side that cannot hold the answer — at least a quarter of the active entries — so
 * there are O(log nm) rounds of O(n log n); once few entries remain they are sorted directly.
 * The result is exact: it is one of the differences, bit for bit the brute-force order statistic.
 * `xs` and `ys` must be sorted ascending (Float64Array.sort) and 1 ≤ k ≤ n·m.
 */
export function pairwiseDifferenceOrderStatistic(xs: Float64Array, ys: Float64Array, k: number): number {
  const n = xs.length;
  const m = ys.length;
  // Row r is x[n − 1 − r], so values grow along rows and down columns.
  const at = (r: number, c: number): number => (ys[c] as number) - (xs[n - 1 - r] as number);
  const lo = new Int32Array(n);
  const hi = new Int32Array(n).fill(m);
  const below = new Int32Array(n);
  for (;;) {
    let active = 0;
    let discarded = 0;
    for (let r = 0; r < n; r += 1) {
      active += (hi[r] as number) - (lo[r] as number);
      discarded += lo[r] as number;
    }
    if (active <= n + m + 16) return smallSelect(at, lo, hi, k - discarded);
    const pivot = weightedMedianOfRowMiddles(at, lo, hi, active);
    const less = countBelow(at, n, m, pivot, false, below);
    if (k <= less) {
      for (let r = 0; r < n; r += 1) hi[r] = Math.min(hi[r] as number, below[r] as number);
      continue;
    }
    const atMost = countBelow(at, n, m, pivot, true, below);
    if (k <= atMost) return pivot;
    for (let r = 0; r < n; r += 1) lo[r] = Math.max(lo[r] as number, below[r] as number);
  }
}

type Cell = (r: number, c: number) => number;

/** Sorts the active entries and returns the k-th (1-based) of them. */
function smallSelect(at: Cell, lo: Int32Array, hi: Int32Array, k: number): number {
  const values: number[] = [];
  for (let r = 0; r < lo.length; r += 1)
    for (let c = lo[r] as number; c < (hi[r] as number); c += 1) values.push(at(r, c));
  return Float64Array.from(values).sort()[k - 1] as number;
}

/** The weighted (by active length) lower median of the middle elements of the non-empty active rows. */
function weightedMedianOfRowMiddles(at: Cell, lo: Int32Array, hi: Int32Array, active: number): number {
  const middles: { value: number; weight: number }[] = [];
  for (let r = 0; r < lo.length; r += 1) {
    const a = lo[r] as number;
    const b = hi[r] as number;
    if (b > a) middles.push({ value: at(r, (a + b) >>> 1), weight: b - a });
  }
  middles.sort((p, q) => p.value - q.value);
  let seen = 0;
  let i = 0;
  // The lower weighted median: the first middle at which half of the active weight is reached.
  for (; i < middles.length - 1; i += 1) {
    seen += (middles[i] as { weight: number }).weight;
    if (2 * seen >= active) break;
  }
  return (middles[i] as { value: number }).value;
}

/**
 * For every row, the number of entries < pivot (or ≤ pivot when `inclusive`), written to `out`;
 * returns their total. One staircase walk, O(n + m).
 */
function countBelow(at: Cell, n: number, m: number, pivot: number, inclusive: boolean, out: Int32Array): number {
  let c = m;
  let total = 0;
  for (let r = 0; r < n; r += 1) {
    while (c > 0 && (inclusive ? at(r, c - 1) > pivot : at(r, c - 1) >= pivot)) c -= 1;
    out[r] = c;
    total += c;
  }
  return total;
}
