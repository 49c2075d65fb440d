import type { MetricTrace } from './judge-types.ts';

/**
 * A Kayenta-style 0–100 score for information (CANARY.md §2.5, §6.1): metrics without data are
 * left out; 0 when a critical metric is unhealthy, when at least half the metrics have no data,
 * or when none has data; otherwise 100 × the share of metrics with data that are not unhealthy
 * (Kayenta counts "no significant difference" as Pass), rounded to 2 decimals. It never decides.
 */
export function kayentaStyleScore(metrics: readonly MetricTrace[]): number {
  const noData = metrics.filter((m) => m.rule === 'no_data').length;
  const withData = metrics.filter((m) => m.rule !== 'no_data');
  if (withData.length === 0 || 2 * noData >= metrics.length) return 0;
  if (metrics.some((m) => m.critical && m.verdict === 'unhealthy')) return 0;
  const pass = withData.filter((m) => m.verdict !== 'unhealthy').length;
  return Math.round((10000 * pass) / withData.length) / 100;
}
