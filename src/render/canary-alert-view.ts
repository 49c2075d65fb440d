import type { AlertStatus, CanaryAlert, CanaryVerdict, EpochMs, Phase, Rollout, SlackUserId } from '../core/types.ts';

/** A button the alert message offers. The core still decides every click. */
export type AlertAction = 'rollback' | 'acknowledge';

/** Everything the canary alert message shows, taken from the aggregate; untrusted strings are raw here. */
export interface CanaryAlertView {
  readonly rolloutId: string;
  readonly repo: string;
  readonly prNumber: number;
  readonly sha: string;
  readonly phase: Phase;
  readonly alertId: string;
  readonly name: string;
  readonly summary: string;
  readonly status: AlertStatus;
  readonly startsAt: EpochMs;
  readonly endsAt: EpochMs | null;
  /** Labels other than `alertname`, sorted by key. */
  readonly labels: readonly (readonly [string, string])[];
  /** Baseline and canary values when the alert rule provides them (annotation or label). */
  readonly baseline: string | null;
  readonly canary: string | null;
  /** The rollout's last canary verdict from the judge, and its summary. */
  readonly verdict: CanaryVerdict | null;
  readonly verdictSummary: string;
  /** This alert ended the rollout. */
  readonly stoppedRollout: boolean;
  /** A rollback of the canary (or production) was claimed for the rollout. */
  readonly rollbackClaimed: boolean;
  readonly acknowledgedBy: SlackUserId | null;
  readonly acknowledgedAt: EpochMs | null;
  readonly actions: readonly AlertAction[];
}

/** Keys an alert rule can use to carry the compared values (annotations first, then labels). */
const BASELINE_KEYS = ['baseline', 'baseline_value'];
const CANARY_KEYS = ['canary', 'canary_value'];

/**
 * The view of one alert's message. Roll back is offered while the alert fires (the core refuses
 * it unless the rollout is where rolling back applies); Acknowledge until someone acknowledged.
 */
export function toCanaryAlertView(rollout: Rollout, alert: CanaryAlert): CanaryAlertView {
  const reason = rollout.ended?.reason;
  const actions: AlertAction[] = [];
  if (alert.status === 'firing') actions.push('rollback');
  if (alert.acknowledgedBy === null) actions.push('acknowledge');
  return {
    rolloutId: rollout.id,
    repo: rollout.pr.repo,
    prNumber: rollout.pr.number,
    sha: rollout.pr.sha,
    phase: rollout.phase,
    alertId: alert.id,
    name: alert.name,
    summary: alert.summary,
    status: alert.status,
    startsAt: alert.startsAt,
    endsAt: alert.endsAt,
    labels: Object.entries(alert.labels)
      .filter(([key]) => key !== 'alertname')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    baseline: pick(alert, BASELINE_KEYS),
    canary: pick(alert, CANARY_KEYS),
    verdict: rollout.canary.verdict,
    verdictSummary: rollout.canary.summary,
    stoppedRollout: reason?.code === 'canary_alert' && reason.alertId === alert.id,
    rollbackClaimed: rollout.deploys.rollback !== undefined,
    acknowledgedBy: alert.acknowledgedBy,
    acknowledgedAt: alert.acknowledgedAt,
    actions,
  };
}

function pick(alert: CanaryAlert, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = alert.annotations[key] ?? alert.labels[key];
    if (value !== undefined && value !== '') return value;
  }
  return null;
}
