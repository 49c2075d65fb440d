/**
 * The three-way verdict (the same strings as `CanaryVerdict` in `core/types.ts`, restated here so
 * the judge does not depend on the orchestrator's types while they change).
 */
export type CanaryVerdictValue = 'healthy' | 'unhealthy' | 'inconclusive';
