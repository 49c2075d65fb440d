import { kayentaIqrOutliers } from './kayenta-iqr-outliers.ts';
import type { KayentaNanStrategy, KayentaOutliers } from './kayenta-types.ts';

/**
 * Kayenta's per-series transform (§2.2): NaN removed (`remove`) or replaced by 0.0 (`replace`), then —
 * only with outliers.strategy `remove` — values outside the IQR detector's fences (factor
 * `outlierFactor`, reduced sensitivity) dropped. Canary and baseline are transformed independently.
 */
export function kayentaTransformSeries(
  values: readonly number[],
  options: { readonly nanStrategy: KayentaNanStrategy; readonly outliers: KayentaOutliers },
): readonly number[] {
  const clean =
    options.nanStrategy === 'remove'
      ? values.filter((v) => !Number.isNaN(v))
      : values.map((v) => (Number.isNaN(v) ? 0 : v));
  if (options.outliers.strategy === 'keep') return clean;
  const outlier = kayentaIqrOutliers(clean, options.outliers.outlierFactor, true);
  return clean.filter((_, i) => !outlier[i]);
}
