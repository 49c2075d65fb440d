import { kayentaPercentile } from './kayenta-percentile.ts';

/**
 * Kayenta's `IQRDetector(factor, reduceSensitivity)`: flags values below Q1 − k·IQR or above Q3 + k·IQR
 * (R-7 quartiles). With `reduceSensitivity` the fences widen to min(P1, Q1 − k·IQR) and
 * max(P99, Q3 + k·IQR) — the judge's setting (§2.2 step 2). One flag per input value, in order.
 */
export function kayentaIqrOutliers(
  values: readonly number[],
  factor: number,
  reduceSensitivity: boolean,
): readonly boolean[] {
  if (values.length === 0) return [];
  const q1 = kayentaPercentile(values, 25);
  const q3 = kayentaPercentile(values, 75);
  const iqr = q3 - q1;
  let lower = q1 - factor * iqr;
  let upper = q3 + factor * iqr;
  if (reduceSensitivity) {
    lower = Math.min(kayentaPercentile(values, 1), lower);
    upper = Math.max(kayentaPercentile(values, 99), upper);
  }
  return values.map((v) => v < lower || v > upper);
}
