import { blockMeanAutocorrelation, effectiveBlockSize } from '../stats/effective-block-size.ts';
import { effectiveSampleSize } from '../stats/effective-sample-size.ts';
import { pooledRankLag1OfRanks, rankTrack } from './pooled-rank-lag1.ts';
import type { ResolvedJudgeOptions } from './resolve-judge-options.ts';

/** What a test reports about dependence, and the block size it uses. */
export interface Dependence {
  readonly blockSize: number;
  /**
   * (1 + ρ_b)/(1 − ρ_b): the variance inflation of a rank test on these blocks for the lag-1
   * autocorrelation ρ_b their means keep under AR(1) at the lower estimate of ρ; 1 when not blocked
   * for being too short, or when no dependence is shown. Only the shift test applies it.
   */
  readonly varianceInflation: number;
  readonly autocorrelation: { readonly canary: number; readonly baseline: number };
  readonly dependence: { readonly pooled: number; readonly upper: number; readonly effectiveSamples: number };
}

/**
 * The block size against autocorrelation (CANARY.md §6.2.7). The lag-1 autocorrelation is
 * measured on the ranks of both tracks pooled, bias-corrected, and the block size is chosen from
 * its one-sided upper confidence bound (`pooledRankLag1`), taken back from the rank scale to the
 * Pearson scale of the AR(1) model as 2·sin(π·r/6) (the inverse of Spearman's (6/π)·asin(ρ/2) for a
 * Gaussian pair; 0 stays 0, 0.5 becomes 0.518): `effectiveBlockSize` (AR(1): the block
 * means' lag-1 autocorrelation stays below the threshold), capped so the shorter track keeps at least
 * `minBlocks` blocks (default 2). Tiny effective samples thus become few blocks, which
 * the attainable-significance guard turns into "inconclusive". Tracks shorter than
 * `minAutocorrelationSamples` are not blocked (too short to measure; at the default alpha
 * spending their looks test at levels only long tracks can reach). Blocks sized from the upper bound
 * can still be too short when ρ came out low (at a true 0.48, runs with ρ̂ 0.16–0.36 got blocks of
 * 3–5 whose means keep a lag-1 correlation of 0.17–0.28), so the block means' leftover
 * autocorrelation ρ_b at a lower estimate, ρ̂ − 1/√N (one standard error below; ≤ 0 at ρ = 0 in most
 * runs, so independent data pays almost nothing), gives `varianceInflation` = (1 + ρ_b)/(1 − ρ_b),
 * the large-sample variance factor of a mean of AR(1) terms. `detrended`: the tracks are
 * residuals of a fitted line (the leak test). The effective sample size is the shorter track's.
 */
export function chooseBlockSize(
  canary: readonly number[],
  baseline: readonly number[],
  o: ResolvedJudgeOptions,
  { detrended = false, minBlocks = 2 }: { readonly detrended?: boolean; readonly minBlocks?: number } = {},
): Dependence {
  const length = Math.min(canary.length, baseline.length);
  const options = { confidence: o.autocorrelationConfidence, detrended };
  const ranked = { canary: rankTrack(canary), baseline: rankTrack(baseline) };
  const pooled = pooledRankLag1OfRanks([ranked.canary, ranked.baseline], options);
  const autocorrelation = {
    canary: pooledRankLag1OfRanks([ranked.canary], options).estimate,
    baseline: pooledRankLag1OfRanks([ranked.baseline], options).estimate,
  };
  let blockSize = 1;
  let varianceInflation = 1;
  if (length >= o.minAutocorrelationSamples) {
    blockSize = effectiveBlockSize(toPearson(pooled.upper), {
      threshold: o.autocorrelationThreshold,
      maxBlockSize: Math.min(o.maxBlockSize, Math.floor(length / minBlocks)),
    });
    const leftover = blockMeanAutocorrelation(
      toPearson(Math.max(0, pooled.estimate - 1 / Math.sqrt(pooled.points))),
      blockSize,
    );
    varianceInflation = (1 + leftover) / (1 - leftover);
  }
  return {
    blockSize,
    varianceInflation,
    autocorrelation,
    dependence: {
      pooled: pooled.estimate,
      upper: pooled.upper,
      effectiveSamples: effectiveSampleSize(length, pooled.estimate),
    },
  };
}

/** A rank-scale lag-1 autocorrelation on the Pearson scale of the AR(1) model: 2·sin(π·r/6). */
function toPearson(r: number): number {
  return 2 * Math.sin((Math.PI * r) / 6);
}
