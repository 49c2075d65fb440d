import type { CanaryVerdictValue } from './canary-verdict-value.ts';
import type { CanaryJudgement, MetricTrace } from './judge-types.ts';

/**
 * The canary's verdict from its metrics (CANARY.md §6.2.8), never averaging a failure away:
 * a critical unhealthy metric fails it alone; `nonCriticalToFail` unhealthy non-critical metrics
 * (default 1: any) fail it; otherwise it is healthy only when every metric is healthy — an
 * inconclusive metric, an unhealthy one below the count, or no metric at all is inconclusive.
 */
export function aggregateVerdict(
  metrics: readonly MetricTrace[],
  nonCriticalToFail: number,
): { readonly verdict: CanaryVerdictValue; readonly rule: CanaryJudgement['rule'] } {
  if (metrics.some((m) => m.critical && m.verdict === 'unhealthy')) {
    return { verdict: 'unhealthy', rule: 'critical_unhealthy' };
  }
  if (metrics.filter((m) => m.verdict === 'unhealthy').length >= nonCriticalToFail) {
    return { verdict: 'unhealthy', rule: 'unhealthy_metrics' };
  }
  if (metrics.length > 0 && metrics.every((m) => m.verdict === 'healthy')) {
    return { verdict: 'healthy', rule: 'all_healthy' };
  }
  return { verdict: 'inconclusive', rule: 'inconclusive_metrics' };
}
