import { type BudgetStatus, budgetStatus } from './budget-status.ts';
import type { ComponentRisk } from './delegation-risk.ts';
import type { Estimate } from './risk-types.ts';
import { toCents } from './to-cents.ts';

/** One component against its budget. */
export interface ComponentSpend extends ComponentRisk {
  /** Mean risk / budget; Infinity for risk on a zero budget. */
  readonly utilization: number;
  readonly status: BudgetStatus;
}

/** The whole system against the acceptable delegation risk. */
export interface SystemRisk {
  readonly total: Estimate;
  /** Σ of the component budgets. */
  readonly budgeted: number;
  readonly acceptable: number;
  readonly utilization: number;
  readonly status: BudgetStatus;
  readonly components: readonly ComponentSpend[];
}

function utilizationOf(spend: number, budget: number): number {
  if (budget > 0) return spend / budget;
  return spend > 0 ? Number.POSITIVE_INFINITY : 0;
}

/**
 * Totals the components' delegation risk (means add; interval bounds add, as for the modes of a
 * component) and compares each component with its budget and the total with the acceptable
 * risk, warning from `warnAt` (the framework's 80 %) and over above 100 %.
 */
export function systemRisk(
  components: readonly ComponentRisk[],
  limits: { readonly acceptable: number; readonly warnAt: number },
): SystemRisk {
  const sum = (pick: (c: ComponentRisk) => number) => toCents(components.reduce((t, c) => t + pick(c), 0));
  const total = { mean: sum((c) => c.risk.mean), lower: sum((c) => c.risk.lower), upper: sum((c) => c.risk.upper) };
  return {
    total,
    budgeted: sum((c) => c.budget),
    acceptable: limits.acceptable,
    utilization: utilizationOf(total.mean, limits.acceptable),
    status: budgetStatus(total.mean, limits.acceptable, limits.warnAt),
    components: components.map((c) => ({
      ...c,
      utilization: utilizationOf(c.risk.mean, c.budget),
      status: budgetStatus(c.risk.mean, c.budget, limits.warnAt),
    })),
  };
}
