import { kayentaSummaryStats } from './kayenta-summary-stats.ts';

/**
 * Kayenta's `EffectSizes.cohenD` (reported, never used by the classifier): |mean(a) − mean(b)| divided by
 * the pooled sample standard deviation √(((n₁−1)s₁² + (n₂−1)s₂²)/(n₁+n₂−2)). Symmetric in its arguments.
 */
export function kayentaCohenD(a: readonly number[], b: readonly number[]): number {
  const sa = kayentaSummaryStats(a);
  const sb = kayentaSummaryStats(b);
  const pooled = Math.sqrt(
    ((sa.count - 1) * sa.std * sa.std + (sb.count - 1) * sb.std * sb.std) / (sa.count + sb.count - 2),
  );
  return Math.abs(sa.mean - sb.mean) / pooled;
}
