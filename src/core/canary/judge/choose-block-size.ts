import { effectiveBlockSize } from '../stats/effective-block-size.ts';
import { effectiveSampleSize } from '../stats/effective-sample-size.ts';
import { pooledRankLag1 } from './pooled-rank-lag1.ts';
import type { ResolvedJudgeOptions } from './resolve-judge-options.ts';

/** What a test reports about dependence, and the block size it uses. */
export interface Dependence {
  readonly blockSize: number;
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
 * spending their looks test at levels only long tracks can reach). `detrended`: the tracks are
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
  const pooled = pooledRankLag1([canary, baseline], options);
  const autocorrelation = {
    canary: pooledRankLag1([canary], options).estimate,
    baseline: pooledRankLag1([baseline], options).estimate,
  };
  const blockSize =
    length < o.minAutocorrelationSamples
      ? 1
      : effectiveBlockSize(2 * Math.sin((Math.PI * pooled.upper) / 6), {
          threshold: o.autocorrelationThreshold,
          maxBlockSize: Math.min(o.maxBlockSize, Math.floor(length / minBlocks)),
        });
  return {
    blockSize,
    autocorrelation,
    dependence: {
      pooled: pooled.estimate,
      upper: pooled.upper,
      effectiveSamples: effectiveSampleSize(length, pooled.estimate),
    },
  };
}
