import { advance } from './advance.ts';
import { applyHumanAction } from './apply-human-action.ts';
import { applySystemEvent } from './apply-system-event.ts';
import { decideAlertAcknowledged, decideAlertReceived } from './decide-alert.ts';
import { awaitsResolution, decideResolutionAction, decideResolutionDeploy } from './decide-resolution.ts';
import { assertNever, isPreProduction, isTerminal } from './phases.ts';
import { createStep, endRollout, reply, type Step } from './step.ts';
import type {
  Command,
  Decision,
  Event,
  FreezeChanged,
  Policy,
  PullRequestClosed,
  PullRequestInfo,
  PullRequestState,
  Rollout,
  SlackUserId,
  TerminalPhase,
} from './types.ts';

/** The decision when there is nothing to decide. */
type MaybeDecision = { readonly state: PullRequestState | null; readonly commands: readonly Command[] };

/**
 * The orchestrator: `decide(state, event, policy) → { state, commands }`.
 *
 * Total over every event and phase, pure and deterministic. It never executes anything; the shell
 * performs the commands. Refusals are `ReplyEphemeral` commands, never exceptions. `state` is the
 * pull request's aggregate, or `null` before its first event.
 */
export function decide(state: PullRequestState | null, event: Event, policy: Policy): MaybeDecision {
  switch (event.type) {
    case 'PullRequestOpened':
    case 'PullRequestPushed':
      return headSeen(state, event.pr, event.rolloutId, event.at, policy);
    case 'PullRequestClosed':
      return closed(state, event);
    case 'FreezeChanged':
      return freezeChanged(state, event, policy);
    case 'ApproveClicked':
    case 'RejectSubmitted':
    case 'CancelRequested':
    case 'RollbackRequested':
    case 'RetryRequested':
    case 'ProductionConfirmed':
      return onRollout(state, event, event.user, policy, (step) => applyHumanAction(step, event, policy));
    case 'GateStarted':
    case 'GateFinished':
    case 'AdvisoryReviewFinished':
    case 'CanaryJudged':
    case 'TimerFired':
    case 'DeployStarted':
    case 'DeployFinished':
    case 'DeployOutcomeUnknown':
    case 'PreflightCompleted':
    case 'VerificationCompleted':
      return onRollout(state, event, null, policy, (step) =>
        applySystemEvent(step, event, policy, state?.freeze ?? null),
      );
    case 'CanaryAlertReceived':
      return decideAlertReceived(state, event, policy);
    case 'AlertAcknowledged':
      return decideAlertAcknowledged(state, event, policy);
    default:
      return assertNever(event);
  }
}

/** The PR's head is `pr.sha`: start a rollout for it, superseding the one before (new push). */
function headSeen(
  state: PullRequestState | null,
  pr: PullRequestInfo,
  rolloutId: string,
  at: number,
  policy: Policy,
): MaybeDecision {
  const base: PullRequestState = state ?? {
    repo: pr.repo,
    number: pr.number,
    rollouts: [],
    freeze: null,
    closed: false,
  };
  // A rollout this event already started, or the same head again (a redelivery, `ready_for_review`,
  // an edit): nothing new to start, but like every event it re-checks the active rollouts under
  // the current policy (a reload may have un-named an approver during the time lock).
  if (base.rollouts.some((r) => r.id === rolloutId)) return advanceActive(base, at, policy);
  const commands: Command[] = [];
  const current = base.rollouts.at(-1);
  if (current !== undefined && current.pr.sha === pr.sha && !(base.closed || wasClosed(current))) {
    return advanceActive({ ...base, closed: false }, at, policy);
  }
  const rollouts = base.rollouts.map((r) => {
    if (isTerminal(r.phase) || !isPreProduction(r.phase)) return r;
    const step = createStep(r, at);
    endRollout(step, 'superseded', { code: 'superseded_by', rolloutId, sha: pr.sha });
    step.commands.push({ type: 'PostThread', rolloutId: r.id, message: { kind: 'superseded', by: rolloutId } });
    commands.push(...step.commands, { type: 'PublishCard', rolloutId: r.id });
    return step.rollout;
  });
  const step = createStep(newRollout(rolloutId, pr, at), at);
  if (policy.advisoryReview) step.commands.push({ type: 'RequestAdvisoryReview', rolloutId, sha: pr.sha });
  advance(step, policy);
  commands.push(...step.commands, { type: 'PublishCard', rolloutId });
  return { state: { ...base, closed: false, rollouts: [...rollouts, step.rollout] }, commands };
}

/** Re-runs the level-triggered progression of every active rollout; publishes those that changed. */
function advanceActive(state: PullRequestState, at: number, policy: Policy): MaybeDecision {
  const commands: Command[] = [];
  const rollouts = state.rollouts.map((r) => {
    if (isTerminal(r.phase)) return r;
    const step = createStep(r, at);
    advance(step, policy);
    if (step.rollout === r) return r;
    commands.push(...step.commands, { type: 'PublishCard', rolloutId: r.id });
    return step.rollout;
  });
  return commands.length === 0 ? { state, commands } : { state: { ...state, rollouts }, commands };
}

function wasClosed(r: Rollout): boolean {
  return r.ended?.reason.code === 'pr_closed';
}

/** A fresh rollout at the start of the chain. */
export function newRollout(id: string, pr: PullRequestInfo, at: number): Rollout {
  return {
    id,
    pr,
    phase: 'reviewing',
    createdAt: at,
    phaseSince: at,
    gates: {},
    advisory: null,
    canary: { look: 0, verdict: null, summary: '', at: null },
    approvals: [],
    quorumAt: null,
    unlockAt: null,
    hold: null,
    preflightRunning: false,
    epoch: 0,
    deploys: {},
    rollbackReason: null,
    ended: null,
  };
}

/** Closing the PR cancels what has not reached production; production in flight goes on. */
function closed(state: PullRequestState | null, event: PullRequestClosed): MaybeDecision {
  if (state === null) return { state, commands: [] };
  const commands: Command[] = [];
  const rollouts = state.rollouts.map((r) => {
    if (!isPreProduction(r.phase)) return r;
    const step = createStep(r, event.at);
    endRollout(step, 'cancelled', { code: 'pr_closed' });
    commands.push(...step.commands, { type: 'PublishCard', rolloutId: r.id });
    return step.rollout;
  });
  return { state: { ...state, closed: true, rollouts }, commands };
}

/** A freeze is recorded on the PR; clearing it lets a held rollout try its preflight again. */
function freezeChanged(state: PullRequestState | null, event: FreezeChanged, policy: Policy): MaybeDecision {
  if (state === null) return { state, commands: [] };
  const next: PullRequestState = { ...state, freeze: event.freeze };
  const commands: Command[] = [];
  const rollouts = next.rollouts.map((r) => {
    if (r.phase !== 'time_locked') return r;
    const step = createStep(r, event.at);
    if (event.freeze === null && r.hold?.code === 'frozen') step.rollout = { ...r, hold: null };
    advance(step, policy);
    commands.push(...step.commands, { type: 'PublishCard', rolloutId: r.id });
    return step.rollout;
  });
  return { state: { ...next, rollouts }, commands };
}

/** Routes a rollout-scoped event: terminal rollouts absorb it; active ones apply it, then advance. */
function onRollout(
  state: PullRequestState | null,
  event: Event & { readonly rolloutId: string },
  actor: SlackUserId | null,
  policy: Policy,
  apply: (step: Step) => void,
): MaybeDecision {
  const index = state === null ? -1 : state.rollouts.findIndex((r) => r.id === event.rolloutId);
  const rollout = state?.rollouts[index];
  if (state === null || rollout === undefined) {
    if (actor === null) return { state, commands: [] };
    const reason = { code: 'unknown_rollout' } as const;
    return {
      state,
      commands: [
        { type: 'ReplyEphemeral', rolloutId: event.rolloutId, user: actor, reply: { kind: 'refused', reason } },
      ],
    };
  }
  const step = createStep(rollout, event.at);
  if (isTerminal(rollout.phase)) {
    const resolved = onFinished(state, rollout, event, policy);
    if (resolved !== null) return resolved;
    if (actor !== null) refuseTerminal(step, state, actor, rollout.phase);
    return { state, commands: step.commands };
  }
  apply(step);
  advance(step, policy);
  if (step.rollout === rollout) return { state, commands: step.commands };
  const rollouts = state.rollouts.map((r, i) => (i === index ? step.rollout : r));
  return {
    state: { ...state, rollouts },
    commands: [...step.commands, { type: 'PublishCard', rolloutId: rollout.id }],
  };
}

/**
 * The one exception to absorption (issue #6): a rollout that ended with its production outcome
 * unknown takes Roll back or Production is fine, and the result of the rollback that claimed. The
 * rollout itself never changes; the answer is kept on the aggregate. `null`: absorbed as usual.
 */
function onFinished(
  state: PullRequestState,
  rollout: Rollout,
  event: Event & { readonly rolloutId: string },
  policy: Policy,
): Decision | null {
  if (!awaitsResolution(rollout)) return null;
  switch (event.type) {
    case 'RollbackRequested':
    case 'ProductionConfirmed':
      return decideResolutionAction(state, rollout, event, policy);
    case 'DeployStarted':
    case 'DeployFinished':
    case 'DeployOutcomeUnknown':
      return decideResolutionDeploy(state, rollout, event);
    default:
      return null;
  }
}

function refuseTerminal(step: Step, state: PullRequestState, actor: SlackUserId, phase: TerminalPhase): void {
  if (phase === 'superseded') {
    // The card to use now is the newest rollout's; the list holds at least the one answered here.
    const currentSha = state.rollouts.at(-1)!.pr.sha;
    return reply(step, actor, { kind: 'refused', reason: { code: 'stale_card', currentSha } });
  }
  reply(step, actor, { kind: 'refused', reason: { code: 'already_decided', phase } });
}
