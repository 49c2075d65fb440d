import { isApprovalExpired, startGate } from './advance.ts';
import { eligibility, maySteer } from './approvals.ts';
import { isPreProduction } from './phases.ts';
import { claimDeploy, endRollout, reply, type Step } from './step.ts';
import type {
  ApproveClicked,
  CancelRequested,
  Policy,
  ProductionConfirmed,
  RejectSubmitted,
  RetryRequested,
  RollbackRequested,
} from './types.ts';

/** A human action the core has to authorize; the actor is the verified Slack user. */
export type HumanActionEvent =
  | ApproveClicked
  | RejectSubmitted
  | CancelRequested
  | RollbackRequested
  | RetryRequested
  | ProductionConfirmed;

/** Applies a human action to an active rollout. Every refusal is an ephemeral reply, never a throw. */
export function applyHumanAction(step: Step, event: HumanActionEvent, policy: Policy): void {
  switch (event.type) {
    case 'ApproveClicked':
      return approve(step, event, policy);
    case 'RejectSubmitted':
      return reject(step, event, policy);
    case 'CancelRequested':
      return cancel(step, event, policy);
    case 'RollbackRequested':
      return rollback(step, event, policy);
    case 'RetryRequested':
      return retry(step, event, policy);
    case 'ProductionConfirmed':
      return confirmProduction(step, event, policy);
  }
}

function refuseStale(step: Step, user: string, sha: string): boolean {
  if (sha === step.rollout.pr.sha) return false;
  reply(step, user, { kind: 'refused', reason: { code: 'stale_card', currentSha: step.rollout.pr.sha } });
  return true;
}

function approve(step: Step, event: ApproveClicked, policy: Policy): void {
  if (refuseStale(step, event.user, event.sha)) return;
  const { phase } = step.rollout;
  if (phase !== 'awaiting_approval' && phase !== 'time_locked') {
    return reply(step, event.user, { kind: 'refused', reason: { code: 'wrong_phase', phase } });
  }
  if (isApprovalExpired(step.rollout, policy, event.at)) {
    return reply(step, event.user, { kind: 'refused', reason: { code: 'already_decided', phase: 'expired' } });
  }
  const verdict = eligibility(policy, step.rollout.pr, event.user);
  if (!verdict.ok) return reply(step, event.user, { kind: 'refused', reason: verdict.refusal });
  if (step.rollout.approvals.some((a) => a.user === event.user)) {
    return reply(step, event.user, { kind: 'refused', reason: { code: 'already_approved' } });
  }
  const approvals = [...step.rollout.approvals, { user: event.user, at: event.at }];
  step.rollout = { ...step.rollout, approvals };
  reply(step, event.user, { kind: 'accepted', action: 'approve' });
}

/** Reject and cancel stop a change: named approvers and the author may, before production only. */
function refuseStop(step: Step, user: string, policy: Policy): boolean {
  if (!maySteer(policy, step.rollout.pr, user)) {
    reply(step, user, { kind: 'refused', reason: { code: 'not_named_approver' } });
    return true;
  }
  if (!isPreProduction(step.rollout.phase)) {
    reply(step, user, { kind: 'refused', reason: { code: 'production_started' } });
    return true;
  }
  return false;
}

function reject(step: Step, event: RejectSubmitted, policy: Policy): void {
  if (refuseStale(step, event.user, event.sha) || refuseStop(step, event.user, policy)) return;
  endRollout(step, 'rejected', { code: 'rejected_by', user: event.user, reason: event.reason });
  reply(step, event.user, { kind: 'accepted', action: 'reject' });
}

function cancel(step: Step, event: CancelRequested, policy: Policy): void {
  if (refuseStop(step, event.user, policy)) return;
  endRollout(step, 'cancelled', { code: 'cancelled_by', user: event.user });
  reply(step, event.user, { kind: 'accepted', action: 'cancel' });
}

function rollback(step: Step, event: RollbackRequested, policy: Policy): void {
  if (!maySteer(policy, step.rollout.pr, event.user)) {
    return reply(step, event.user, { kind: 'refused', reason: { code: 'not_named_approver' } });
  }
  const { phase } = step.rollout;
  if (phase !== 'verifying' || step.rollout.deploys.rollback !== undefined) {
    return reply(step, event.user, { kind: 'refused', reason: { code: 'wrong_phase', phase } });
  }
  claimDeploy(step, 'rollback');
  step.rollout = { ...step.rollout, rollbackReason: { code: 'rolled_back_by', user: event.user } };
  reply(step, event.user, { kind: 'accepted', action: 'rollback' });
}

/**
 * Production is fine answers an unknown production outcome on a finished rollout (see
 * `decide-resolution.ts`); an active rollout has none to answer.
 */
function confirmProduction(step: Step, event: ProductionConfirmed, policy: Policy): void {
  if (!maySteer(policy, step.rollout.pr, event.user)) {
    return reply(step, event.user, { kind: 'refused', reason: { code: 'not_named_approver' } });
  }
  reply(step, event.user, { kind: 'refused', reason: { code: 'wrong_phase', phase: step.rollout.phase } });
}

function retry(step: Step, event: RetryRequested, policy: Policy): void {
  if (!maySteer(policy, step.rollout.pr, event.user)) {
    return reply(step, event.user, { kind: 'refused', reason: { code: 'not_named_approver' } });
  }
  const gate = step.rollout.gates[event.gateId];
  if (gate?.status !== 'error') {
    return reply(step, event.user, { kind: 'refused', reason: { code: 'nothing_to_retry' } });
  }
  startGate(step, event.gateId, gate);
  reply(step, event.user, { kind: 'accepted', action: 'retry' });
}
