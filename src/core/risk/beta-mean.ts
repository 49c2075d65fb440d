import type { BetaPrior } from './risk-types.ts';

/** The mean α / (α + β) of a beta distribution: the point probability it stands for. */
export function betaMean(distribution: BetaPrior): number {
  return distribution.alpha / (distribution.alpha + distribution.beta);
}
