/**
 * The k-th smallest (1-based) of the n·m pairwise differences ys[j] − xs[i], each rounded once
 * exactly as a brute-force `y - x` would be, without forming them: a Johnson–Mizoguchi selection
 * ("Selecting the Kth element in X + Y and X1 + X2 + … + Xm", SIAM J. Comput. 1978) on the
 * implicit matrix whose rows (x descending) and columns (y ascending) are both non-decreasing
 * (floating-point subtraction is monotone in each argument, so the rounded matrix is sorted too).
 *
 * Each round takes the weighted median of the active rows' middle elements as pivot (an O(n)
 * weighted quickselect on typed arrays), counts the entries < pivot and ≤ pivot along two
 * staircases in one O(n + m) walk, and either returns the pivot or discards the side that cannot
 * hold the answer — at least a quarter of the active entries — so there are O(log nm) rounds of
 * O(n + m); once few entries remain they are gathered and quickselected. The result is exact: it
 * is one of the differences, bit for bit the brute-force order statistic (the pivot rule only
 * changes the path, never the answer). `xs` and `ys` must be sorted ascending
 * (Float64Array.sort) and 1 ≤ k ≤ n·m.
 */
export function pairwiseDifferenceOrderStatistic(xs: Float64Array, ys: Float64Array, k: number): number {
  const n = xs.length;
  const m = ys.length;
  // Row r is x[n − 1 − r], so values grow along rows and down columns.
  const rx = new Float64Array(n);
  for (let r = 0; r < n; r += 1) rx[r] = xs[n - 1 - r] as number;
  const lo = new Int32Array(n);
  const hi = new Int32Array(n).fill(m);
  const less = new Int32Array(n);
  const atMost = new Int32Array(n);
  const values = new Float64Array(n);
  const weights = new Float64Array(n);
  let active = n * m;
  let discarded = 0;
  while (active > n + m + 16) {
    let rows = 0;
    for (let r = 0; r < n; r += 1) {
      const a = lo[r] as number;
      const b = hi[r] as number;
      if (b > a) {
        values[rows] = (ys[(a + b) >>> 1] as number) - (rx[r] as number);
        weights[rows] = b - a;
        rows += 1;
      }
    }
    const pivot = weightedLowerMedian(values, weights, rows, active);
    let cLess = m;
    let cAtMost = m;
    let totalLess = 0;
    let totalAtMost = 0;
    for (let r = 0; r < n; r += 1) {
      const x = rx[r] as number;
      while (cAtMost > 0 && (ys[cAtMost - 1] as number) - x > pivot) cAtMost -= 1;
      if (cLess > cAtMost) cLess = cAtMost;
      while (cLess > 0 && (ys[cLess - 1] as number) - x >= pivot) cLess -= 1;
      less[r] = cLess;
      atMost[r] = cAtMost;
      totalLess += cLess;
      totalAtMost += cAtMost;
    }
    if (k > totalLess && k <= totalAtMost) return pivot;
    const keepBelow = k <= totalLess;
    active = 0;
    discarded = 0;
    for (let r = 0; r < n; r += 1) {
      if (keepBelow) hi[r] = Math.min(hi[r] as number, less[r] as number);
      else lo[r] = Math.max(lo[r] as number, atMost[r] as number);
      active += (hi[r] as number) - (lo[r] as number);
      discarded += lo[r] as number;
    }
  }
  const rest = new Float64Array(active);
  let i = 0;
  for (let r = 0; r < n; r += 1) {
    const x = rx[r] as number;
    for (let c = lo[r] as number; c < (hi[r] as number); c += 1) rest[i++] = (ys[c] as number) - x;
  }
  return weightedQuantile(rest, new Float64Array(active).fill(1), active, k - discarded);
}

/** The lower weighted median: the smallest of the first `size` values whose weight of values ≤ it is ≥ total/2. */
function weightedLowerMedian(values: Float64Array, weights: Float64Array, size: number, total: number): number {
  return weightedQuantile(values, weights, size, total / 2);
}

/**
 * The smallest of the first `size` values whose weight of values ≤ it reaches `target` (with unit
 * weights and an integer target: the target-th smallest). A quickselect with the middle element
 * as pivot and a three-way partition, in place on the two typed arrays; deterministic.
 */
function weightedQuantile(values: Float64Array, weights: Float64Array, size: number, target: number): number {
  let from = 0;
  let to = size;
  let below = 0;
  for (;;) {
    const pivot = values[(from + to) >>> 1] as number;
    // Three-way partition of [from, to): < pivot | = pivot | > pivot.
    let lt = from;
    let i = from;
    let gt = to;
    let wLess = 0;
    let wEqual = 0;
    while (i < gt) {
      const v = values[i] as number;
      const w = weights[i] as number;
      if (v < pivot) {
        wLess += w;
        values[i] = values[lt] as number;
        weights[i] = weights[lt] as number;
        values[lt] = v;
        weights[lt] = w;
        lt += 1;
        i += 1;
      } else if (v > pivot) {
        gt -= 1;
        values[i] = values[gt] as number;
        weights[i] = weights[gt] as number;
        values[gt] = v;
        weights[gt] = w;
      } else {
        wEqual += w;
        i += 1;
      }
    }
    if (below + wLess >= target) to = lt;
    else if (below + wLess + wEqual >= target) return pivot;
    else {
      below += wLess + wEqual;
      from = gt;
    }
  }
}
