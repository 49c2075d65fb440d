import type { EpochMs } from '../types.ts';
import type { BudgetStatus } from './budget-status.ts';
import { type RiskBudgetCrossed, SYSTEM_SCOPE } from './ledger-types.ts';
import type { SystemRisk } from './system-risk.ts';

/**
 * The budget statuses that changed since they were last recorded (`levels`; unrecorded is `ok`):
 * each component, then the system. Recording every change, down as well as up, is what makes the
 * warning "once per crossing": the same status again is no crossing.
 */
export function riskCrossings(
  levels: Readonly<Record<string, BudgetStatus>>,
  system: SystemRisk,
  at: EpochMs,
): RiskBudgetCrossed[] {
  const scopes = [
    ...system.components.map((c) => ({ scope: c.id, to: c.status, estimate: c.risk.mean, budget: c.budget })),
    { scope: SYSTEM_SCOPE, to: system.status, estimate: system.total.mean, budget: system.acceptable },
  ];
  return scopes.flatMap(({ scope, to, estimate, budget }) => {
    const from = Object.hasOwn(levels, scope) ? (levels[scope] as BudgetStatus) : 'ok';
    if (from === to) return [];
    return [{ type: 'RiskBudgetCrossed', at, key: `crossing:${scope}:${at}:${to}`, scope, from, to, estimate, budget }];
  });
}
