/** What the rank tests need from the pooled, average-ranked sample x ∪ y. */
export interface PooledRanks {
  /** Sum of the average ranks (1-based, ties get the mean of their ranks) of the x values. */
  readonly rankSumX: number;
  /** Σ (t³ − t) over the tie groups of the pooled sample (SciPy's `_tie_term`). */
  readonly tieTerm: number;
  /** Whether any value occurs more than once in the pooled sample. */
  readonly hasTies: boolean;
}

/**
 * Average ranks of the pooled sample from the two sorted samples by one merge walk, O(n + m).
 * All ranks are half-integers and all sums stay below 2^53, so `rankSumX` and `tieTerm` are exact
 * (bit-equal to SciPy's `rankdata` sums). −0 and +0 are one value.
 */
export function pooledRanks(xs: Float64Array, ys: Float64Array): PooledRanks {
  let i = 0;
  let j = 0;
  let rank = 0;
  let rankSumX = 0;
  let tieTerm = 0;
  while (i < xs.length || j < ys.length) {
    const v = Math.min(
      i < xs.length ? (xs[i] as number) : Number.POSITIVE_INFINITY,
      j < ys.length ? (ys[j] as number) : Number.POSITIVE_INFINITY,
    );
    let cx = 0;
    let cy = 0;
    while (i < xs.length && xs[i] === v) {
      cx += 1;
      i += 1;
    }
    while (j < ys.length && ys[j] === v) {
      cy += 1;
      j += 1;
    }
    const t = cx + cy;
    rankSumX += cx * (rank + (t + 1) / 2);
    tieTerm += t * t * t - t;
    rank += t;
  }
  return { rankSumX, tieTerm, hasTies: tieTerm > 0 };
}
