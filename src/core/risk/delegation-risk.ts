import { betaMean } from './beta-mean.ts';
import { betaQuantile } from './beta-quantile.ts';
import type { BetaPrior, Estimate, OpportunityKind, RiskComponent } from './risk-types.ts';
import { toCents } from './to-cents.ts';

/** One harm mode's share: its probability per trial and its risk in $/month, with 90 % intervals. */
export interface HarmModeRisk {
  readonly id: string;
  readonly probability: Estimate;
  /** Trials per month: 1 for a monthly probability, else opportunities per month. */
  readonly trialsPerMonth: number;
  readonly risk: Estimate;
}

/** A component's delegation risk in $/month. */
export interface ComponentRisk {
  readonly id: string;
  readonly budget: number;
  readonly risk: Estimate;
  readonly modes: readonly HarmModeRisk[];
}

/** Observed opportunities per month by kind; a kind not given uses the configured volume. */
export type MonthlyVolumes = Readonly<Partial<Record<OpportunityKind, number>>>;

/**
 * Delegation risk = Σ over the harm modes of P × trials per month × damage, in $/month (the
 * framework's definition; trials per month is 1 for a monthly P). P is the mean of the mode's
 * posterior (`posteriors` by harm-mode id; a mode without one uses its prior). The 90 % interval
 * sums the modes' 5th and 95th percentiles, which is exact when the modes fail together and
 * wider than under independence: the framework warns that failures are correlated. Amounts
 * are rounded to cents.
 */
export function delegationRisk(
  component: RiskComponent,
  posteriors: Readonly<Record<string, BetaPrior>>,
  volumes: MonthlyVolumes = {},
): ComponentRisk {
  const modes = component.harmModes.map((mode): HarmModeRisk => {
    const distribution = Object.hasOwn(posteriors, mode.id) ? (posteriors[mode.id] as BetaPrior) : mode.prior;
    const trialsPerMonth =
      mode.basis.kind === 'per_month' ? 1 : (volumes[mode.basis.opportunity] ?? mode.basis.perMonth);
    const probability = {
      mean: betaMean(distribution),
      lower: betaQuantile(distribution, 0.05),
      upper: betaQuantile(distribution, 0.95),
    };
    const scale = trialsPerMonth * mode.damage;
    const risk = {
      mean: toCents(probability.mean * scale),
      lower: toCents(probability.lower * scale),
      upper: toCents(probability.upper * scale),
    };
    return { id: mode.id, probability, trialsPerMonth, risk };
  });
  const sum = (pick: (e: Estimate) => number) => toCents(modes.reduce((total, m) => total + pick(m.risk), 0));
  return {
    id: component.id,
    budget: component.budget,
    risk: { mean: sum((e) => e.mean), lower: sum((e) => e.lower), upper: sum((e) => e.upper) },
    modes,
  };
}
