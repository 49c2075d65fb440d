/**
 * The native canary judge (CANARY.md §6): exact Hodges–Lehmann shifts with Moses intervals, the
 * exact rate-ratio test on error counts, a Theil–Sen leak test, Holm across metrics and alpha
 * spending across looks, three-way verdicts against practical margins, and a full trace.
 */
export type { CanaryVerdictValue } from './canary-verdict-value.ts';
export { judgeCanary } from './judge-canary.ts';
export type {
  CanaryJudgement,
  CountsMetric,
  CountWindow,
  JsonNumber,
  JudgeDirection,
  JudgeInput,
  JudgeMetric,
  JudgeMetricConfig,
  JudgeMetricKind,
  JudgeOptions,
  JudgeRule,
  MetricTrace,
  NoData,
  SampleCount,
  SeriesMetric,
  TestTrace,
  Track,
} from './judge-types.ts';
