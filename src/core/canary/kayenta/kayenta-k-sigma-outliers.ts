import { kayentaMean } from './kayenta-mean.ts';

/**
 * Kayenta's `KSigmaDetector(k)` (available in Kayenta, not used by the judge): flags values farther than
 * k population standard deviations from the mean. One flag per input value, in order.
 */
export function kayentaKSigmaOutliers(values: readonly number[], k: number): readonly boolean[] {
  if (values.length === 0) return [];
  const mean = kayentaMean(values);
  let accum = 0;
  for (const v of values) accum += (v - mean) * (v - mean);
  const sd = Math.sqrt(accum / values.length);
  return values.map((v) => Math.abs(v - mean) > k * sd);
}
