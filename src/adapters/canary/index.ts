/** The canary judge port over Prometheus and the native judge, and the optional narrow model. */
export {
  type CanaryJudgeOptions,
  type CanaryTarget,
  type CanaryTrace,
  createCanaryJudge,
  type NativeCanaryJudge,
} from './create-canary-judge.ts';
export {
  type CanaryModel,
  type CanaryModelAnswer,
  type CanaryModelOptions,
  createCanaryModel,
} from './create-canary-model.ts';
export { type MetricSummary, toMetricSummaries } from './metric-summary.ts';
export { toCanaryMetricRows } from './to-canary-metric-rows.ts';
export { toCountsMetric, toSeriesMetric } from './to-judge-metric.ts';
