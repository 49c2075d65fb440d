import { countedApprovers, hasQuorum } from './approvals.ts';
import { pauseTimeLock, resumeTimeLock, withoutPause } from './pause-time-lock.ts';
import { assertNever, isTerminal } from './phases.ts';
import { claimDeploy, endRollout, enterPhase, type Step, schedule } from './step.ts';
import type { GatePhase, GateState, Policy, Rollout } from './types.ts';

/**
 * Level-triggered progression: from whatever the rollout knows now, move it as far along the chain
 * as the facts allow. Called after every event, so a duplicate or reordered event can delay a
 * rollout but never skip a gate.
 */
export function advance(step: Step, policy: Policy): void {
  // Each pass either changes the phase or stops; the chain has nine active phases.
  for (let guard = 0; guard < 16; guard += 1) {
    const before = step.rollout.phase;
    advanceOnce(step, policy);
    if (step.rollout.phase === before) return;
  }
}

function advanceOnce(step: Step, policy: Policy): void {
  const phase = step.rollout.phase;
  if (isTerminal(phase)) return;
  switch (phase) {
    case 'reviewing':
      return advanceGates(step, policy, 'reviewing', 'testing');
    case 'testing':
      return advanceGates(step, policy, 'testing', 'staging');
    case 'staging':
      return advanceDeployStage(step, 'staging', 'canary');
    case 'canary':
      return advanceCanary(step, policy);
    case 'awaiting_approval':
      return advanceAwaitingApproval(step, policy);
    case 'time_locked':
      return advanceTimeLock(step, policy);
    case 'deploying':
    case 'verifying':
      return;
    default:
      return assertNever(phase);
  }
}

/**
 * Reviewing gates run in parallel; testing gates one after another, cheapest first as configured.
 * A gate that never reported is not passed (fail closed); one failure ends the rollout.
 */
function advanceGates(step: Step, policy: Policy, gatePhase: GatePhase, next: 'testing' | 'staging'): void {
  const specs = policy.gates.filter((g) => g.phase === gatePhase);
  const failed = specs.find((g) => step.rollout.gates[g.id]?.status === 'failed');
  if (failed) return endRollout(step, 'rejected', { code: 'gate_failed', gateId: failed.id });
  const open = specs.filter((g) => step.rollout.gates[g.id]?.status !== 'passed');
  if (open.length === 0) return enterPhase(step, next);
  const toStart = gatePhase === 'reviewing' ? open : open.slice(0, 1);
  for (const spec of toStart) {
    const gate = step.rollout.gates[spec.id];
    if (gate === undefined || gate.status === 'pending') startGate(step, spec.id, gate);
  }
}

/** Emits the run of one gate (attempt + 1) and marks it running. */
export function startGate(step: Step, gateId: string, gate: GateState | undefined): void {
  const r = step.rollout;
  const attempt = (gate?.attempt ?? 0) + 1;
  const running: GateState = {
    status: 'running',
    attempt,
    startedAt: null,
    finishedAt: null,
    summary: '',
    durationMs: null,
  };
  step.rollout = { ...r, gates: { ...r.gates, [gateId]: running } };
  step.commands.push({ type: 'RunGate', rolloutId: r.id, sha: r.pr.sha, gateId, attempt });
  step.commands.push({
    type: 'ReportToGitHub',
    rolloutId: r.id,
    repo: r.pr.repo,
    sha: r.pr.sha,
    report: { kind: 'gate', gateId, status: 'running' },
  });
}

function advanceDeployStage(step: Step, stage: 'staging', next: 'canary'): void {
  const deploy = step.rollout.deploys[stage];
  if (deploy === undefined) return claimDeploy(step, stage);
  if (deploy.status === 'succeeded') return enterPhase(step, next);
}

/** The canary: deploy it, then judge it every watch interval until a verdict moves the rollout. */
function advanceCanary(step: Step, policy: Policy): void {
  const deploy = step.rollout.deploys.canary;
  if (deploy === undefined) return claimDeploy(step, 'canary');
  if (deploy.status !== 'succeeded') return;
  if (step.rollout.canary.look === 0) return requestLook(step, policy);
  const verdict = step.rollout.canary.verdict;
  if (verdict === 'unhealthy') return stopUnhealthyCanary(step);
  if (verdict === 'healthy') enterAwaitingApproval(step, policy);
}

/** Opens the approval request, with its reminder and its expiry. */
function enterAwaitingApproval(step: Step, policy: Policy): void {
  enterPhase(step, 'awaiting_approval');
  const r = withoutPause(step.rollout);
  step.rollout = { ...r, quorumAt: null, unlockAt: null, hold: null, preflightRunning: false };
  schedule(step, 'approval_reminder', step.at + policy.approvals.reminderMs);
  schedule(step, 'approval_expiry', step.at + policy.approvals.expiryMs);
}

/** Asks the judge for the next look and schedules the one after it. */
export function requestLook(step: Step, policy: Policy): void {
  const r = step.rollout;
  const look = r.canary.look + 1;
  step.rollout = { ...r, canary: { ...r.canary, look } };
  step.commands.push({ type: 'JudgeCanary', rolloutId: r.id, sha: r.pr.sha, look });
  schedule(step, 'canary_watch', step.at + policy.canaryWatchMs);
}

/** An unhealthy canary ends the rollout and rolls the canary back. */
function stopUnhealthyCanary(step: Step): void {
  claimDeploy(step, 'rollback');
  endRollout(step, 'rejected', { code: 'canary_unhealthy' });
}

/** An unanswered request for approval expires `expiryMs` after it opened (default 24 h). */
export function isApprovalExpired(r: Rollout, policy: Policy, at: number): boolean {
  return r.phase === 'awaiting_approval' && at >= r.phaseSince + policy.approvals.expiryMs;
}

function advanceAwaitingApproval(step: Step, policy: Policy): void {
  const r = step.rollout;
  if (r.canary.verdict === 'unhealthy') return stopUnhealthyCanary(step);
  if (isApprovalExpired(r, policy, step.at)) return endRollout(step, 'expired', { code: 'approval_expired' });
  if (!hasQuorum(policy, countedApprovers(policy, r.pr, r.approvals))) return;
  // The lock starts at the quorum, so there is always a full cancellation window after it.
  const unlockAt = step.at + policy.timeLockMs;
  enterPhase(step, 'time_locked');
  step.rollout = { ...step.rollout, quorumAt: step.at, unlockAt, hold: null };
  schedule(step, 'time_lock', unlockAt);
}

/**
 * The lock counts down while the canary is not in doubt: an inconclusive look pauses it (the
 * approvers are asked), a healthy one resumes it, an unhealthy one stops the rollout. Once it ran
 * out, the preflight is asked for (it checks the canary again).
 */
function advanceTimeLock(step: Step, policy: Policy): void {
  const r = step.rollout;
  const verdict = r.canary.verdict;
  if (verdict === 'unhealthy') return stopUnhealthyCanary(step);
  // Approvers can lose their authorization while the lock runs (config reload): ask again. The lock
  // runs from the quorum the approvals given by `quorumAt` made: when those no longer make one under
  // the policy in force, a later approval cannot inherit their lock, and it starts again from now.
  // (A time-locked rollout always has its `quorumAt`; were it null, `Number` makes it 0: no approval counts.)
  const byQuorum = r.approvals.filter((a) => a.at <= Number(r.quorumAt));
  if (!hasQuorum(policy, countedApprovers(policy, r.pr, byQuorum))) return enterAwaitingApproval(step, policy);
  if (r.lockPaused !== undefined) {
    if (verdict === 'healthy') resumeTimeLock(step);
    return;
  }
  // Only a running countdown pauses: after it ran out the preflight's canary check holds production.
  if (verdict === 'inconclusive' && r.unlockAt !== null && step.at < r.unlockAt) return pauseTimeLock(step, policy);
  if (r.unlockAt === null || step.at < r.unlockAt || r.preflightRunning || r.hold !== null) return;
  step.rollout = { ...r, preflightRunning: true };
  step.commands.push({ type: 'RunPreflight', rolloutId: r.id, sha: r.pr.sha });
}
