import {
  type KayentaMetricConfigInput,
  toKayentaMetricConfig,
} from '../../../../../src/core/canary/kayenta/to-kayenta-metric-config.ts';
import type { Vector } from './load-kayenta-vectors.ts';

/** The classifier config a Kayenta unit test builds (`new MannWhitneyClassifier(tolerance, confLevel, …)`). */
export function configOf(v: Vector) {
  const { params, call } = v.inputs;
  const effectSize: Record<string, number | string> = {};
  if (params.effectSizeMeasure) effectSize.measure = params.effectSizeMeasure;
  if (params.effectSizeThresholds) {
    effectSize.allowedDecrease = params.effectSizeThresholds[0];
    effectSize.allowedIncrease = params.effectSizeThresholds[1];
  }
  if (params.criticalThresholds) {
    effectSize.criticalDecrease = params.criticalThresholds[0];
    effectSize.criticalIncrease = params.criticalThresholds[1];
  }
  const input: KayentaMetricConfigInput = {
    name: 'm',
    direction: call.direction,
    nanStrategy: call.nanStrategy,
    critical: call.isCriticalMetric,
    mustHaveData: call.isDataRequired,
    tolerance: params.tolerance,
    confLevel: params.confLevel,
    effectSize,
  };
  return toKayentaMetricConfig(input);
}
