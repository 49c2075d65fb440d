/** Where spend stands against a budget: the framework alerts at 80 %, blocks above 100 %. */
export type BudgetStatus = 'ok' | 'warn' | 'over';

/**
 * The status of `spend` against `budget` ($/month, cents): `over` above the budget (the seed's
 * components sit exactly at theirs, which is allowed), `warn` from `warnAt` × budget, else `ok`.
 */
export function budgetStatus(spend: number, budget: number, warnAt: number): BudgetStatus {
  if (spend > budget) return 'over';
  return spend >= warnAt * budget && spend > 0 ? 'warn' : 'ok';
}
