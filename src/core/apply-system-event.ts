import { requestLook } from './advance.ts';
import { stillEligible } from './approvals.ts';
import { endProductionRollback } from './end-production-rollback.ts';
import { isLiveClaim } from './is-live-claim.ts';
import { type ProductionBlocker, productionBlockers } from './production-guard.ts';
import {
  claimDeploy,
  endRollout,
  enterPhase,
  reportDeployFinished,
  reportDeployment,
  type Step,
  schedule,
} from './step.ts';
import type {
  AdvisoryReviewFinished,
  CanaryJudged,
  CanaryVerdict,
  DeployFinished,
  DeployOutcomeUnknown,
  DeployStarted,
  Freeze,
  GateFinished,
  GateStarted,
  HoldReason,
  Policy,
  PreflightCompleted,
  TimerFired,
  VerificationCompleted,
} from './types.ts';

/** Machine events addressed to one rollout. */
export type SystemEvent =
  | GateStarted
  | GateFinished
  | AdvisoryReviewFinished
  | CanaryJudged
  | TimerFired
  | DeployStarted
  | DeployFinished
  | DeployOutcomeUnknown
  | PreflightCompleted
  | VerificationCompleted;

/** Records a machine fact on an active rollout. Stale facts (other SHA, attempt or epoch) are ignored. */
export function applySystemEvent(step: Step, event: SystemEvent, policy: Policy, freeze: Freeze | null): void {
  switch (event.type) {
    case 'GateStarted':
      return gateStarted(step, event);
    case 'GateFinished':
      return gateFinished(step, event);
    case 'AdvisoryReviewFinished':
      return advisoryFinished(step, event);
    case 'CanaryJudged':
      return canaryJudged(step, event);
    case 'TimerFired':
      return timerFired(step, event, policy);
    case 'DeployStarted':
      return deployStarted(step, event);
    case 'DeployFinished':
      return deployFinished(step, event, policy);
    case 'DeployOutcomeUnknown':
      return deployUnknown(step, event);
    case 'PreflightCompleted':
      return preflightCompleted(step, event, policy, freeze);
    case 'VerificationCompleted':
      return verificationCompleted(step, event);
  }
}

function gateStarted(step: Step, event: GateStarted): void {
  const gate = step.rollout.gates[event.gateId];
  if (gate?.status !== 'running' || gate.attempt !== event.attempt) return;
  const gates = { ...step.rollout.gates, [event.gateId]: { ...gate, startedAt: event.at } };
  step.rollout = { ...step.rollout, gates };
}

function gateFinished(step: Step, event: GateFinished): void {
  const r = step.rollout;
  const gate = r.gates[event.gateId];
  if (event.sha !== r.pr.sha || gate?.status !== 'running' || gate.attempt !== event.attempt) return;
  const { status, summary, durationMs } = event.outcome;
  const gates = { ...r.gates, [event.gateId]: { ...gate, status, summary, durationMs, finishedAt: event.at } };
  step.rollout = { ...r, gates };
  step.commands.push({ type: 'PostThread', rolloutId: r.id, message: { kind: 'gate_finished', gateId: event.gateId } });
  step.commands.push({
    type: 'ReportToGitHub',
    rolloutId: r.id,
    repo: r.pr.repo,
    sha: r.pr.sha,
    report: { kind: 'gate', gateId: event.gateId, status },
  });
}

/** Advisory output is stored for people and shown in the thread; nothing reads it to decide (I3). */
function advisoryFinished(step: Step, event: AdvisoryReviewFinished): void {
  if (event.sha !== step.rollout.pr.sha) return;
  step.rollout = { ...step.rollout, advisory: event.review };
  step.commands.push({ type: 'PostThread', rolloutId: step.rollout.id, message: { kind: 'advisory_review' } });
}

/**
 * Stores the current look's verdict with its per-metric rows (for rendering only). The thread
 * hears about a look only when its verdict differs from the one before, or is the first: the canary
 * is judged every watch interval, and a message per look would bury the thread (issue 5).
 */
function canaryJudged(step: Step, event: CanaryJudged): void {
  const r = step.rollout;
  if (event.sha !== r.pr.sha || event.look !== r.canary.look || r.canary.look === 0) return;
  const { look, verdict, summary, at, metrics, score } = event;
  const canary = {
    look,
    verdict,
    summary,
    at,
    ...(metrics === undefined ? {} : { metrics }),
    ...(score === undefined ? {} : { score }),
  };
  step.rollout = { ...r, canary };
  if (verdict === r.canary.verdict) return;
  step.commands.push({
    type: 'PostThread',
    rolloutId: r.id,
    message: { kind: 'canary_judged', look, verdict, judgedAt: at },
  });
}

function timerFired(step: Step, event: TimerFired, policy: Policy): void {
  const r = step.rollout;
  switch (event.kind) {
    case 'time_lock':
      return; // `advance` compares the event's time with `unlockAt`.
    case 'approval_reminder':
      if (r.phase !== 'awaiting_approval') return;
      step.commands.push({
        type: 'PostThread',
        rolloutId: r.id,
        message: { kind: 'approval_reminder', eligible: stillEligible(policy, r.pr, r.approvals) },
      });
      return;
    case 'approval_expiry':
      return; // `advance` compares the event's time with the request's expiry.
    case 'canary_watch':
      if (!isWatched(step)) return;
      return requestLook(step, policy);
    case 'preflight_retry':
      if (r.phase === 'time_locked' && r.hold !== null) step.rollout = { ...r, hold: null };
      return;
    case 'verification':
      if (r.phase !== 'verifying' || r.deploys.rollback !== undefined) return;
      step.commands.push({ type: 'RunVerification', rolloutId: r.id, sha: r.pr.sha, epoch: r.epoch });
      return;
  }
}

/** The canary is watched from its first look until production starts. */
function isWatched(step: Step): boolean {
  const { phase, canary } = step.rollout;
  if (phase === 'canary') return canary.look > 0 && canary.verdict !== 'unhealthy';
  return phase === 'awaiting_approval' || phase === 'time_locked';
}

function deployStarted(step: Step, event: DeployStarted): void {
  const deploy = step.rollout.deploys[event.stage];
  if (deploy === undefined || !isLiveClaim(deploy, event)) return;
  const deploys = { ...step.rollout.deploys, [event.stage]: { ...deploy, status: 'running' as const } };
  step.rollout = { ...step.rollout, deploys };
}

function deployFinished(step: Step, event: DeployFinished, policy: Policy): void {
  const r = step.rollout;
  const deploy = r.deploys[event.stage];
  if (deploy === undefined || !isLiveClaim(deploy, event)) return;
  const status = event.ok ? ('succeeded' as const) : ('failed' as const);
  const deploys = { ...r.deploys, [event.stage]: { ...deploy, status, finishedAt: event.at, summary: event.summary } };
  step.rollout = { ...r, deploys };
  reportDeployFinished(step, event);
  afterDeploy(step, event, policy);
}

function afterDeploy(step: Step, event: DeployFinished, policy: Policy): void {
  const r = step.rollout;
  if (event.stage === 'rollback') {
    // A rollback is claimed on an active rollout only together with its reason (startRollback,
    // RollbackRequested); a snapshot without one cannot say what happened, so a human must look.
    // Either way production went bad: the repository is frozen (issue #6).
    const reason = r.rollbackReason;
    if (!event.ok || reason === null) return endProductionRollback(step, 'failed', { code: 'rollback_failed' });
    return endProductionRollback(step, 'rolled_back', reason);
  }
  if (!event.ok && event.stage === 'production')
    return startRollback(step, { code: 'deploy_failed', stage: 'production' });
  if (!event.ok) return endRollout(step, 'failed', { code: 'deploy_failed', stage: event.stage });
  if (event.stage === 'production') {
    enterPhase(step, 'verifying');
    schedule(step, 'verification', step.at + policy.verificationMs);
  }
}

/** Automated rollback after a failed production deploy or verification. */
function startRollback(step: Step, reason: NonNullable<Step['rollout']['rollbackReason']>): void {
  // Callers guarantee no rollback is claimed yet: production fails only in `deploying`, and a
  // verification result is ignored once a rollback is claimed.
  enterPhase(step, 'verifying');
  claimDeploy(step, 'rollback');
  step.rollout = { ...step.rollout, rollbackReason: reason };
}

/** A deploy that started and never reported is never re-run: a human must look. */
function deployUnknown(step: Step, event: DeployOutcomeUnknown): void {
  const deploy = step.rollout.deploys[event.stage];
  if (deploy === undefined || !isLiveClaim(deploy, event)) return;
  const deploys = { ...step.rollout.deploys, [event.stage]: { ...deploy, status: 'unknown' as const } };
  step.rollout = { ...step.rollout, deploys };
  // GitHub's deployment is no longer in progress: it ended, outcome unknown (issue #6).
  reportDeployment(step, event.stage, 'error');
  const reason = { code: 'deploy_outcome_unknown', stage: event.stage } as const;
  // A rollback that may not have run leaves production as bad as a failed one.
  if (event.stage === 'rollback') return endProductionRollback(step, 'failed', reason);
  endRollout(step, 'failed', reason);
}

function preflightCompleted(step: Step, event: PreflightCompleted, policy: Policy, freeze: Freeze | null): void {
  const r = step.rollout;
  if (r.phase !== 'time_locked' || !r.preflightRunning) return;
  step.rollout = { ...r, preflightRunning: false };
  const { facts } = event;
  if (facts.headSha !== r.pr.sha) return endRollout(step, 'cancelled', { code: 'head_moved', headSha: facts.headSha });
  const blockers = productionBlockers(step.rollout, policy, event.at, facts, freeze);
  if (blockers.length === 0) {
    enterPhase(step, 'deploying');
    return claimDeploy(step, 'production');
  }
  // Approvers lost their authorization: `advance` reopens the request for approval.
  if (blockers.some((b) => b.code === 'quorum_not_met')) return;
  // A time-locked rollout always has a verdict; show whichever of the two is not healthy.
  const hold = toHold(blockers, facts.canary === 'healthy' ? r.canary.verdict! : facts.canary);
  step.rollout = { ...step.rollout, hold };
  step.commands.push({ type: 'PostThread', rolloutId: r.id, message: { kind: 'preflight_held', reason: hold } });
  const retryAt =
    hold.code === 'window_closed' && hold.nextWindowAt !== null && hold.nextWindowAt > event.at
      ? hold.nextWindowAt
      : event.at + policy.preflightRetryMs;
  schedule(step, 'preflight_retry', retryAt);
}

/** The reason to show for a held rollout: the operator-actionable ones first. */
function toHold(blockers: readonly ProductionBlocker[], canary: CanaryVerdict): HoldReason {
  for (const b of blockers) {
    if (b.code === 'frozen') return { code: 'frozen', freeze: b.freeze };
    if (b.code === 'window_closed') return { code: 'window_closed', nextWindowAt: b.nextWindowAt };
    if (b.code === 'canary_not_healthy') return { code: 'canary_not_healthy', verdict: canary };
  }
  return { code: 'not_ready', blockers: blockers.map((b) => b.code) };
}

function verificationCompleted(step: Step, event: VerificationCompleted): void {
  const r = step.rollout;
  if (r.phase !== 'verifying' || event.epoch !== r.epoch || r.deploys.rollback !== undefined) return;
  if (event.ok) return endRollout(step, 'deployed', { code: 'verified' });
  startRollback(step, { code: 'verification_failed', summary: event.summary });
}
