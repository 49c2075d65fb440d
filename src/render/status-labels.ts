import type { CanaryMetricVerdict, CanaryVerdict, DeployStage, DeployState, GateStatus } from '../core/types.ts';

const GATE: Readonly<Record<GateStatus, string>> = {
  pending: ':white_circle: pending',
  running: ':hourglass_flowing_sand: running',
  passed: ':white_check_mark: passed',
  failed: ':x: failed',
  error: ':warning: error',
};

/** A gate status with its emoji, for the card and the thread. */
export function gateStatusLabel(status: GateStatus): string {
  return GATE[status];
}

const CANARY: Readonly<Record<CanaryVerdict, string>> = {
  healthy: ':large_green_circle: healthy',
  unhealthy: ':red_circle: unhealthy',
  inconclusive: ':large_yellow_circle: inconclusive (blocks until healthy)',
};

/** A canary verdict with its emoji; no verdict yet reads as waiting, never as healthy. */
export function canaryVerdictLabel(verdict: CanaryVerdict | null): string {
  return verdict === null ? ':white_circle: waiting for the first look' : CANARY[verdict];
}

const METRIC: Readonly<Record<CanaryMetricVerdict, string>> = {
  healthy: ':large_green_circle: healthy',
  unhealthy: ':red_circle: unhealthy',
  inconclusive: ':large_yellow_circle: inconclusive',
  no_data: ':white_circle: no data',
};

/** One metric's verdict in a canary look, with its emoji. */
export function metricVerdictLabel(verdict: CanaryMetricVerdict): string {
  return METRIC[verdict];
}

const DEPLOY: Readonly<Record<DeployState['status'], string>> = {
  claimed: ':hourglass_flowing_sand: starting',
  running: ':hourglass_flowing_sand: running',
  succeeded: ':white_check_mark: succeeded',
  failed: ':x: failed',
  unknown: ':rotating_light: outcome unknown — verify by hand',
};

/** A deploy stage's status with its emoji. */
export function deployStatusLabel(status: DeployState['status']): string {
  return DEPLOY[status];
}

const STAGE: Readonly<Record<DeployStage, string>> = {
  staging: 'Staging',
  canary: 'Canary',
  production: 'Production',
  rollback: 'Rollback',
};

/** A deploy stage's display name. */
export function stageLabel(stage: DeployStage): string {
  return STAGE[stage];
}
