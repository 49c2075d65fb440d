import type { EpochMs } from '../types.ts';
import type { BetaPrior, HarmRecord, Incident } from './risk-types.ts';

/** The framework's weight of an adversarial failure (a red team's exploit counts as three). */
export const ADVERSARIAL_WEIGHT = 3;

/** Days in a month: 365.25 / 12. */
export const DAYS_PER_MONTH = 30.4375;

const DAY_MS = 86_400_000;

/** When and how recent events count. `halfLifeDays` may be Infinity (no decay). */
export interface PosteriorOptions {
  readonly halfLifeDays: number;
  readonly now: EpochMs;
}

/** A beta posterior with the effective counts that moved it. */
export interface Posterior extends BetaPrior {
  /** Decayed, weighted failures added to α. */
  readonly failures: number;
  /** Decayed trials (months or opportunities) observed. */
  readonly trials: number;
}

function decay(at: EpochMs, { halfLifeDays, now }: PosteriorOptions): number {
  return 0.5 ** ((now - at) / DAY_MS / halfLifeDays);
}

/** ∫ 0.5^(age / h) d(age) over the ages 0..span (days), in months; just span without decay. */
function decayedMonths(spanDays: number, halfLifeDays: number): number {
  if (!Number.isFinite(halfLifeDays)) return spanDays / DAYS_PER_MONTH;
  return ((halfLifeDays / Math.LN2) * (1 - 0.5 ** (spanDays / halfLifeDays))) / DAYS_PER_MONTH;
}

function failuresOf(incidents: readonly Incident[], options: PosteriorOptions): number {
  return incidents
    .filter((i) => i.at <= options.now)
    .reduce((sum, i) => sum + (i.adversarial === true ? ADVERSARIAL_WEIGHT : 1) * decay(i.at, options), 0);
}

/**
 * Beta-binomial update of a failure probability from its record, with exponentially decayed
 * counts so recent events weigh more (the framework's trust calibration: weight
 * 0.5^(age_days / half_life), adversarial failures 3×): posterior = beta(α₀ + f, β₀ + max(0, n − f))
 * with f the weighted decayed failures and n the decayed trials — months of observation
 * (`per_month`, the decayed length of [since, now]) or opportunities (`per_opportunity`).
 * Decay is what lets a component recover after a bad month: without it, old incidents would
 * weigh forever. Events after `now` are not yet observed and are ignored, so the result depends
 * only on the record up to `now` (replayable).
 */
export function posteriorOf(prior: BetaPrior, record: HarmRecord, options: PosteriorOptions): Posterior {
  const failures = failuresOf(record.incidents, options);
  const trials =
    record.kind === 'per_month'
      ? decayedMonths(Math.max(0, options.now - record.since) / DAY_MS, options.halfLifeDays)
      : record.opportunities.filter((at) => at <= options.now).reduce((sum, at) => sum + decay(at, options), 0);
  return {
    alpha: prior.alpha + failures,
    beta: prior.beta + Math.max(0, trials - failures),
    failures,
    trials,
  };
}
