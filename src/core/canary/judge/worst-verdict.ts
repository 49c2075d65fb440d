import type { CanaryVerdictValue } from './canary-verdict-value.ts';

const SEVERITY: Readonly<Record<CanaryVerdictValue, number>> = { healthy: 0, inconclusive: 1, unhealthy: 2 };

/**
 * The index of the worst verdict (unhealthy > inconclusive > healthy), the first on ties — the
 * test that decides a metric: a failure is never averaged away. An empty list gives −1.
 */
export function worstVerdictIndex(verdicts: readonly CanaryVerdictValue[]): number {
  let worst = -1;
  verdicts.forEach((v, i) => {
    if (worst === -1 || SEVERITY[v] > SEVERITY[verdicts[worst] as CanaryVerdictValue]) worst = i;
  });
  return worst;
}
