/** What Kayenta's Wilcoxon function needs from the average ranks of (x − μ) ∪ y. */
export interface KayentaRankSum {
  /** Sum of the average ranks (1-based) of the shifted x values. */
  readonly rankSumX: number;
  /** Σ (t³ − t) over the tie groups of the pooled sample. */
  readonly tieTerm: number;
}

function rankable(v: number): number {
  // commons-math NaturalRanking with NaNStrategy.MAXIMAL ranks NaN as +∞.
  return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
}

/**
 * Average ranks of (x − μ) ∪ y (ties → mean rank, NaN maximal, as Kayenta's `NaturalRanking(MAXIMAL,
 * AVERAGE)`) by one merge walk over the two ascending-sorted samples. Subtracting μ keeps x sorted, and all
 * ranks are half-integers, so the sums are exact whatever the order — equal to Kayenta's to the bit.
 */
export function kayentaRankSum(xsSorted: Float64Array, ysSorted: Float64Array, mu: number): KayentaRankSum {
  const nx = xsSorted.length;
  const ny = ysSorted.length;
  let i = 0;
  let j = 0;
  let rank = 0;
  let rankSumX = 0;
  let tieTerm = 0;
  while (i < nx || j < ny) {
    const vx = i < nx ? rankable((xsSorted[i] as number) - mu) : Number.POSITIVE_INFINITY;
    const vy = j < ny ? rankable(ysSorted[j] as number) : Number.POSITIVE_INFINITY;
    const v = Math.min(vx, vy);
    let cx = 0;
    let cy = 0;
    while (i < nx && rankable((xsSorted[i] as number) - mu) === v) {
      cx += 1;
      i += 1;
    }
    while (j < ny && rankable(ysSorted[j] as number) === v) {
      cy += 1;
      j += 1;
    }
    const t = cx + cy;
    rankSumX += cx * (rank + (t + 1) / 2);
    tieTerm += t * t * t - t;
    rank += t;
  }
  return { rankSumX, tieTerm };
}
