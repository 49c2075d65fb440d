import { advance } from './advance.ts';
import { eligibility } from './approvals.ts';
import { isTerminal } from './phases.ts';
import { claimDeploy, createStep, endRollout, reply } from './step.ts';
import type {
  AlertAcknowledged,
  CanaryAlert,
  CanaryAlertReceived,
  Command,
  Phase,
  Policy,
  PullRequestState,
  Refusal,
  Reply,
  Rollout,
} from './types.ts';

/** What `decide` returns for an alert event. */
export interface AlertDecision {
  readonly state: PullRequestState | null;
  readonly commands: readonly Command[];
}

/** Phases in which the canary is live and watched: a firing alert ends the rollout there. */
const WATCHED: ReadonlySet<Phase> = new Set(['canary', 'awaiting_approval', 'time_locked']);

/**
 * A canary alert arrived (Alertmanager, mapped to a rollout by its labels). It is stored on the
 * aggregate, whatever the rollout's phase, and its message published; a **firing** alert for a
 * rollout whose canary is live (canary, awaiting approval, time lock) cancels it (`canary_alert`)
 * and rolls the canary back when its deploy succeeded. Alertmanager repeats notifications: the same
 * alert again changes nothing and says nothing.
 */
export function decideAlertReceived(
  state: PullRequestState | null,
  event: CanaryAlertReceived,
  policy: Policy,
): AlertDecision {
  const rollout = state?.rollouts.find((r) => r.id === event.rolloutId);
  if (state === null || rollout === undefined) return { state, commands: [] };
  const alerts = state.alerts ?? [];
  const existing = alerts.find((a) => a.rolloutId === rollout.id && a.id === event.alert.id);
  const record = toRecord(event, existing);
  const alertChanged = existing === undefined || !sameAlert(existing, record);
  const commands: Command[] = [];
  // Level-triggered on the alert, not on its news: a repeat of a firing alert still stops a rollout
  // that reached the canary since the first notification.
  const next =
    event.alert.status === 'firing' && WATCHED.has(rollout.phase)
      ? stopForAlert(rollout, event, commands)
      : advanceActive(rollout, event.at, policy, commands);
  if (!alertChanged && next === rollout) return { state, commands };
  const kept = existing === undefined ? [...alerts, record] : alerts.map((a) => (a === existing ? record : a));
  commands.push({ type: 'PublishAlert', rolloutId: rollout.id, alertId: record.id });
  return { state: { ...replaceRollout(state, next), alerts: kept }, commands };
}

/**
 * Like every event addressed to a rollout, an alert event re-runs `advance` on an active rollout
 * (level-triggered: a reload that removed approvers is noticed, an expired lock asks for its
 * preflight). A finished rollout is returned as is.
 */
function advanceActive(rollout: Rollout, at: number, policy: Policy, commands: Command[]): Rollout {
  if (isTerminal(rollout.phase)) return rollout;
  const step = createStep(rollout, at);
  advance(step, policy);
  if (step.rollout === rollout) return rollout;
  commands.push(...step.commands, { type: 'PublishCard', rolloutId: rollout.id });
  return step.rollout;
}

function replaceRollout(state: PullRequestState, next: Rollout): PullRequestState {
  if (state.rollouts.includes(next)) return state;
  return { ...state, rollouts: state.rollouts.map((r) => (r.id === next.id ? next : r)) };
}

/** Ends the rollout for the alert and, when the canary is deployed, claims its rollback. */
function stopForAlert(rollout: Rollout, event: CanaryAlertReceived, commands: Command[]): Rollout {
  const step = createStep(rollout, event.at);
  if (rollout.deploys.canary?.status === 'succeeded') claimDeploy(step, 'rollback');
  endRollout(step, 'cancelled', { code: 'canary_alert', alertId: event.alert.id, alertName: event.alert.name });
  commands.push(...step.commands, { type: 'PublishCard', rolloutId: rollout.id });
  return step.rollout;
}

/** The stored alert: the new facts; an acknowledgement lasts until the alert fires again after resolving. */
function toRecord(event: CanaryAlertReceived, existing: CanaryAlert | undefined): CanaryAlert {
  const refired = existing?.status === 'resolved' && event.alert.status === 'firing';
  const keep = existing !== undefined && !refired;
  return {
    ...event.alert,
    rolloutId: event.rolloutId,
    acknowledgedBy: keep ? existing.acknowledgedBy : null,
    acknowledgedAt: keep ? existing.acknowledgedAt : null,
  };
}

function sameAlert(a: CanaryAlert, b: CanaryAlert): boolean {
  return (
    a.status === b.status &&
    a.name === b.name &&
    a.summary === b.summary &&
    a.startsAt === b.startsAt &&
    a.endsAt === b.endsAt &&
    a.acknowledgedBy === b.acknowledgedBy &&
    sameRecord(a.labels, b.labels) &&
    sameRecord(a.annotations, b.annotations)
  );
}

function sameRecord(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * Acknowledge on an alert's message carries the same authorization as an approval: a named,
 * mapped human who wrote no commit of the change (never the author). It changes no phase and works
 * after the rollout ended (the alert outlives it). Refusals are ephemeral replies.
 */
export function decideAlertAcknowledged(
  state: PullRequestState | null,
  event: AlertAcknowledged,
  policy: Policy,
): AlertDecision {
  const rollout = state?.rollouts.find((r) => r.id === event.rolloutId);
  if (state === null || rollout === undefined) {
    const reason = { code: 'unknown_rollout' } as const;
    const command: Command = {
      type: 'ReplyEphemeral',
      rolloutId: event.rolloutId,
      user: event.user,
      reply: { kind: 'refused', reason },
    };
    return { state, commands: [command] };
  }
  const alerts = state.alerts ?? [];
  const alert = alerts.find((a) => a.rolloutId === rollout.id && a.id === event.alertId);
  const answer = acknowledge(alert, event, policy, rollout);
  const step = createStep(rollout, event.at);
  reply(step, event.user, answer);
  const commands: Command[] = [...step.commands];
  const next = advanceActive(rollout, event.at, policy, commands);
  if (answer.kind === 'refused') return { state: replaceRollout(state, next), commands };
  // Accepted only for an alert that exists (see `acknowledge`).
  const acknowledged: CanaryAlert = { ...alert!, acknowledgedBy: event.user, acknowledgedAt: event.at };
  commands.push({ type: 'PublishAlert', rolloutId: rollout.id, alertId: acknowledged.id });
  return {
    state: { ...replaceRollout(state, next), alerts: alerts.map((a) => (a === alert ? acknowledged : a)) },
    commands,
  };
}

/** Whether the click counts: the alert exists, the user may approve this change, nobody acknowledged yet. */
function acknowledge(
  alert: CanaryAlert | undefined,
  event: AlertAcknowledged,
  policy: Policy,
  rollout: Rollout,
): Reply {
  const refused = (reason: Refusal): Reply => ({ kind: 'refused', reason });
  if (alert === undefined) return refused({ code: 'unknown_alert' });
  const verdict = eligibility(policy, rollout.pr, event.user);
  if (!verdict.ok) return refused(verdict.refusal);
  if (alert.acknowledgedBy !== null) return refused({ code: 'already_acknowledged', by: alert.acknowledgedBy });
  return { kind: 'accepted', action: 'acknowledge' };
}
