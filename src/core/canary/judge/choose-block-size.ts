import { effectiveBlockSize } from '../stats/effective-block-size.ts';
import type { ResolvedJudgeOptions } from './resolve-judge-options.ts';

/**
 * The block size against autocorrelation (CANARY.md §6.2.7) from the larger lag-1 autocorrelation
 * of the two tracks: `effectiveBlockSize` (AR(1): block means keep ρ below the threshold), capped
 * so each track keeps at least two blocks, and 1 for tracks shorter than
 * `minAutocorrelationSamples`, whose ρ̂ is too noisy to act on.
 */
export function chooseBlockSize(
  rho: { readonly canary: number; readonly baseline: number },
  length: number,
  o: ResolvedJudgeOptions,
): number {
  if (length < o.minAutocorrelationSamples) return 1;
  return effectiveBlockSize(Math.max(rho.canary, rho.baseline), {
    threshold: o.autocorrelationThreshold,
    maxBlockSize: Math.min(o.maxBlockSize, Math.floor(length / 2)),
  });
}
