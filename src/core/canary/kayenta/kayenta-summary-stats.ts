import { kayentaMean } from './kayenta-mean.ts';
import type { KayentaSummaryStats } from './kayenta-types.ts';

/**
 * Kayenta's `DescriptiveStatistics.summary` (§2.2 step 3): min, max, mean, sample standard deviation
 * (n − 1, commons-math's bias-corrected two-pass variance; 0 for one value) and count. An empty series
 * reports all zeros.
 */
export function kayentaSummaryStats(values: readonly number[]): KayentaSummaryStats {
  const n = values.length;
  if (n === 0) return { min: 0, max: 0, mean: 0, std: 0, count: 0 };
  const mean = kayentaMean(values);
  let accum = 0;
  let dev = 0;
  for (const v of values) {
    accum += (v - mean) * (v - mean);
    dev += v - mean;
  }
  const variance = n === 1 ? 0 : (accum - (dev * dev) / n) / (n - 1);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return { min, max, mean, std: Math.sqrt(variance), count: n };
}
