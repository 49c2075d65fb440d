/** Production verification: the metrics check against the pre-deploy baseline and the health command. */
export { createHealthCheck, type HealthCheck, type HealthCheckOptions } from './create-health-check.ts';
export { createMetricsCheck, type MetricsCheck, type MetricsCheckOptions } from './create-metrics-check.ts';
export { createVerifier, NOT_CONFIGURED, type VerifierOptions } from './create-verifier.ts';
export { describeHealthRun } from './describe-health-run.ts';
export { fetchJudgeMetrics } from './fetch-judge-metrics.ts';
export { toHealthCommandEnv } from './to-health-command-env.ts';
export type { CheckResult, VerificationTarget } from './verification-target.ts';
