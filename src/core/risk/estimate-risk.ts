import type { EpochMs } from '../types.ts';
import { delegationRisk, type MonthlyVolumes } from './delegation-risk.ts';
import type { RiskIncidentRecorded } from './ledger-types.ts';
import { DAYS_PER_MONTH, posteriorOf } from './posterior-of.ts';
import type { BetaPrior, HarmRecord, OpportunityKind, RiskComponent } from './risk-types.ts';
import { type SystemRisk, systemRisk } from './system-risk.ts';

const MONTH_MS = DAYS_PER_MONTH * 86_400_000;

/** What the ledger knows: incidents, when each kind of opportunity happened, since when it observes. */
export interface RiskRecord {
  readonly incidents: readonly Pick<RiskIncidentRecorded, 'at' | 'component' | 'mode'>[];
  readonly opportunities: Readonly<Partial<Record<OpportunityKind, readonly EpochMs[]>>>;
  /** The first event shiplock recorded; null before any (nothing observed yet). */
  readonly since: EpochMs | null;
}

/** The budgets and how evidence ages. */
export interface RiskSettings {
  readonly components: readonly RiskComponent[];
  readonly acceptable: number;
  readonly warnAt: number;
  readonly halfLifeDays: number;
}

/**
 * Observed opportunities per month: those of the last month, once a whole month was observed
 * (before that the configured `opportunities_per_month` stands).
 */
function observedVolumes(record: RiskRecord, now: EpochMs): MonthlyVolumes {
  if (record.since === null || now - record.since < MONTH_MS) return {};
  const volumes: Partial<Record<OpportunityKind, number>> = {};
  for (const [kind, times] of Object.entries(record.opportunities) as [OpportunityKind, readonly EpochMs[]][]) {
    volumes[kind] = times.filter((at) => at <= now && at > now - MONTH_MS).length;
  }
  return volumes;
}

/**
 * Every component's delegation risk at `now` from its record (issue #7): each harm mode's prior
 * updated by `posteriorOf` (beta-binomial, decayed so recent events weigh more) from the incidents
 * charged to it and its trials (months observed, or opportunities counted from real activity),
 * then Σ P × damage with its 90 % interval, against the budgets. Events after `now` are ignored,
 * so the same record evaluated 30 days back gives the estimate of 30 days ago (the trend).
 */
export function estimateRisk(record: RiskRecord, settings: RiskSettings, now: EpochMs): SystemRisk {
  const options = { halfLifeDays: settings.halfLifeDays, now };
  const volumes = observedVolumes(record, now);
  const components = settings.components.map((component) => {
    const posteriors: Record<string, BetaPrior> = {};
    for (const mode of component.harmModes) {
      const incidents = record.incidents
        .filter((i) => i.component === component.id && i.mode === mode.id)
        .map((i) => ({ at: i.at }));
      const harmRecord: HarmRecord =
        mode.basis.kind === 'per_month'
          ? { kind: 'per_month', since: record.since ?? now, incidents }
          : { kind: 'per_opportunity', opportunities: record.opportunities[mode.basis.opportunity] ?? [], incidents };
      posteriors[mode.id] = posteriorOf(mode.prior, harmRecord, options);
    }
    return delegationRisk(component, posteriors, volumes);
  });
  return systemRisk(components, { acceptable: settings.acceptable, warnAt: settings.warnAt });
}
