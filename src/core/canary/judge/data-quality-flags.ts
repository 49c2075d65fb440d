import { formatNumber } from './format-number.ts';
import type { SampleCount } from './judge-types.ts';

/**
 * Data-quality flags of a series test (CANARY.md §6.2.9): dropped samples, the share of tied
 * values and of zeros in the pooled sample. Only what is present is flagged, in a fixed order.
 */
export function dataQualityFlags(
  canary: readonly number[],
  baseline: readonly number[],
  samples: { readonly canary: SampleCount; readonly baseline: SampleCount },
): string[] {
  const flags: string[] = [];
  const dropped = samples.canary.dropped + samples.baseline.dropped;
  if (dropped > 0) flags.push(`dropped ${dropped} non-finite`);
  const pooled = [...canary, ...baseline];
  const distinct = new Set(pooled).size;
  if (distinct < pooled.length)
    flags.push(`ties ${formatNumber((100 * (pooled.length - distinct)) / pooled.length, 2)} %`);
  const zeros = pooled.filter((v) => v === 0).length;
  if (zeros > 0) flags.push(`zeros ${formatNumber((100 * zeros) / pooled.length, 2)} %`);
  return flags;
}
