import { normalQuantile } from '../stats/normal-quantile.ts';

/** The lag-1 autocorrelation of {@link pooledRankLag1}. */
export interface PooledLag1 {
  /** The raw pooled lag-1 autocorrelation of the ranks (each track ranked and centred alone). */
  readonly raw: number;
  /** `raw` plus the small-sample bias correction, clamped to [−1, 1]. */
  readonly estimate: number;
  /** The one-sided upper confidence bound estimate + z/√N (at most 1): what the block size is chosen from. */
  readonly upper: number;
  /** Points of the tracks that entered (tracks with ≥ 3 points; a constant one counts, as evidence of no dependence). */
  readonly points: number;
}

/** Options of {@link pooledRankLag1}. */
export interface PooledLag1Options {
  /** One-sided confidence of `upper`; default 0.975 (z = 1.96). */
  readonly confidence?: number;
  /** Each track had a straight line fitted and removed (the leak test): one more 1/n of bias per track. */
  readonly detrended?: boolean;
}

/**
 * The lag-1 autocorrelation of the average ranks of one or more tracks, pooled: every track of
 * at least 3 points is ranked on its own (ties get their average rank) and centred on its own
 * mean rank, and r = Σ_tracks Σ_t d_t·d_{t+1} / Σ_tracks Σ_t d_t². It decides block sizes
 * (CANARY.md §6.2.7), so it is built to be hard to fool:
 *
 * - **Ranks** make it invariant under any increasing transform of the values (log, a Pareto or
 *   Cauchy tail): one spike cannot dominate it, as it dominates the product-moment r₁.
 * - **Pooling** both tracks (they share the dependence under the null) doubles the points.
 * - **Bias correction.** r₁ from n points of an AR(1) series is biased towards 0 by about
 *   (1 + 4ρ)/n (Kendall 1954; Marriott & Pope 1954 give (1 + 3ρ)/n for a slightly different
 *   estimator), one such term per track, because each track's mean is estimated: with K tracks and
 *   N points the correction is K(1 + 4r)/N, and K(2 + 4r)/N when each track also had a line
 *   removed (`detrended`; measured −2/n at ρ = 0 for Theil–Sen residuals).
 * - **Upper confidence bound.** Blocks are sized from estimate + z/√N. 1/√N is Bartlett's
 *   standard error of r₁ at ρ = 0, (1 − ρ²)/N at ρ > 0 being smaller asymptotically; in short
 *   series with high ρ the measured spread exceeds Bartlett's value but stays below 1/√N (for
 *   2 × 20 points at ρ = 0.8: 0.133 measured, 0.095 Bartlett, 0.158 used).
 *
 * Tracks under 3 points are left out; a constant track adds its points but no correlation (an
 * error-free window series is evidence of no dependence: leaving it out widened the bound, blocked
 * error counts more often and raised the A/A rate, 5 → 9 of 2,000 at ρ = 0). With no variation
 * at all, every number is 0.
 */
export function pooledRankLag1(tracks: readonly (readonly number[])[], options: PooledLag1Options = {}): PooledLag1 {
  return pooledRankLag1OfRanks(tracks.map(rankTrack), options);
}

/** One track's average ranks, for {@link pooledRankLag1OfRanks}; a track under 3 points is left out there. */
export function rankTrack(values: readonly number[]): readonly number[] {
  return values.length < 3 ? [] : averageRanks(values);
}

/**
 * {@link pooledRankLag1} of tracks already ranked with {@link rankTrack}: ranking is most of the
 * cost, and the block size needs the pooled estimate and each track's, from the same ranks.
 */
export function pooledRankLag1OfRanks(
  rankedTracks: readonly (readonly number[])[],
  options: PooledLag1Options = {},
): PooledLag1 {
  let num = 0;
  let den = 0;
  let points = 0;
  let used = 0;
  for (const ranks of rankedTracks) {
    if (ranks.length < 3) continue;
    const mean = (ranks.length + 1) / 2;
    for (let t = 0; t < ranks.length; t += 1) {
      const d = (ranks[t] as number) - mean;
      den += d * d;
      if (t + 1 < ranks.length) num += d * ((ranks[t + 1] as number) - mean);
    }
    points += ranks.length;
    used += 1;
  }
  if (den === 0) return { raw: 0, estimate: 0, upper: 0, points };
  const raw = num / den;
  const corrected = raw + (used * ((options.detrended === true ? 2 : 1) + 4 * raw)) / points;
  const estimate = Math.max(-1, Math.min(1, corrected));
  const z = normalQuantile(options.confidence ?? 0.975);
  return { raw, estimate, upper: Math.min(1, estimate + z / Math.sqrt(points)), points };
}

/** 1-based average ranks (ties share the middle of their run); their mean is (n + 1)/2. */
function averageRanks(v: readonly number[]): number[] {
  const sorted = Float64Array.from(v).sort();
  return v.map((x) => (firstIndex(sorted, x, false) + firstIndex(sorted, x, true) + 1) / 2);
}

/** The first index whose value is ≥ x (or > x when `after`), by binary search. */
function firstIndex(sorted: Float64Array, x: number, after: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid] as number;
    if (v < x || (after && v === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
