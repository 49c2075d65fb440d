import { maySteer } from './approvals.ts';
import { freezeAfterProductionRollback } from './end-production-rollback.ts';
import { isLiveClaim } from './is-live-claim.ts';
import { claimDeploy, createStep, reportDeployFinished, reportDeployment, type Step } from './step.ts';
import type {
  Decision,
  DeployFinished,
  DeployOutcomeUnknown,
  DeployStage,
  DeployStarted,
  DeployState,
  EndReason,
  OutcomeResolution,
  Policy,
  ProductionConfirmed,
  PullRequestState,
  Reply,
  RollbackRequested,
  Rollout,
} from './types.ts';

/**
 * Whether the rollout ended because its production deploy started and never reported (issue #6):
 * production may or may not run the change, nothing re-runs it, and a human must answer — Roll back
 * or Production is fine. The rollout stays `failed`; the answer is an {@link OutcomeResolution}.
 */
export function awaitsResolution(r: Rollout): boolean {
  const reason = r.ended?.reason;
  return r.phase === 'failed' && reason?.code === 'deploy_outcome_unknown' && reason.stage === 'production';
}

/** The human answer recorded for the rollout's unknown production outcome, if any. */
export function resolutionOf(state: PullRequestState, rolloutId: string): OutcomeResolution | null {
  return state.resolutions?.find((x) => x.rolloutId === rolloutId) ?? null;
}

/**
 * The deploy of `stage` as it stands now: the rollout's own, or for `rollback` of a finished
 * rollout the one its resolution claimed. The shell fences a deploy claim against this.
 */
export function deployOf(state: PullRequestState, rollout: Rollout, stage: DeployStage): DeployState | null {
  const own = rollout.deploys[stage];
  if (own !== undefined || stage !== 'rollback') return own ?? null;
  return resolutionOf(state, rollout.id)?.rollback ?? null;
}

/**
 * Roll back or Production is fine on a rollout that {@link awaitsResolution}: named approvers and
 * the author may answer (the authorization of Roll back after production). The first answer wins
 * and is kept on the aggregate; any later one, a double click included, is `already_resolved`.
 * Roll back claims the rollback with a new epoch, once; Production is fine deploys nothing.
 */
export function decideResolutionAction(
  state: PullRequestState,
  rollout: Rollout,
  event: RollbackRequested | ProductionConfirmed,
  policy: Policy,
): Decision {
  const step = createStep(rollout, event.at);
  const answer = (reply: Reply): Decision => ({
    state,
    commands: [{ type: 'ReplyEphemeral', rolloutId: rollout.id, user: event.user, reply }],
  });
  if (!maySteer(policy, rollout.pr, event.user)) {
    return answer({ kind: 'refused', reason: { code: 'not_named_approver' } });
  }
  const earlier = resolutionOf(state, rollout.id);
  if (earlier !== null) {
    return answer({ kind: 'refused', reason: { code: 'already_resolved', kind: earlier.kind, by: earlier.by } });
  }
  const rollingBack = event.type === 'RollbackRequested';
  // The claim is made on a scratch copy of the rollout: the finished rollout itself never changes.
  if (rollingBack) claimDeploy(step, 'rollback');
  // A human vouched for production: GitHub's deployment, left `error` by the unknown outcome, succeeded.
  else reportDeployment(step, 'production', 'success');
  const resolution: OutcomeResolution = {
    rolloutId: rollout.id,
    kind: rollingBack ? 'rollback' : 'confirmed',
    by: event.user,
    at: event.at,
    rollback: step.rollout.deploys.rollback ?? null,
  };
  const action = rollingBack ? 'rollback' : 'confirm_production';
  step.commands.push(
    { type: 'ReplyEphemeral', rolloutId: rollout.id, user: event.user, reply: { kind: 'accepted', action } },
    { type: 'PostThread', rolloutId: rollout.id, message: { kind: 'outcome_resolved' } },
    { type: 'PublishCard', rolloutId: rollout.id },
  );
  return { state: { ...state, resolutions: [...(state.resolutions ?? []), resolution] }, commands: step.commands };
}

/**
 * A result of the rollback a resolution claimed, on its finished rollout; `null` when the event is
 * not about that claim (another epoch, or the claim already ended) and is absorbed like any other.
 * A rollback that ended froze the repository exactly as the automated production rollback does,
 * and one that failed or never reported also alerts.
 */
export function decideResolutionDeploy(
  state: PullRequestState,
  rollout: Rollout,
  event: DeployStarted | DeployFinished | DeployOutcomeUnknown,
): Decision | null {
  const resolution = resolutionOf(state, rollout.id);
  const deploy = resolution?.rollback;
  if (resolution === null || deploy == null || event.stage !== 'rollback' || !isLiveClaim(deploy, event)) return null;
  const step = createStep(rollout, event.at);
  const status = event.type === 'DeployStarted' ? 'running' : toStatus(event);
  const ended = event.type === 'DeployStarted' ? {} : { finishedAt: event.at };
  const summary = event.type === 'DeployFinished' ? { summary: event.summary } : {};
  const next: OutcomeResolution = { ...resolution, rollback: { ...deploy, status, ...ended, ...summary } };
  if (event.type !== 'DeployStarted') endRollback(step, event, next.by);
  step.commands.push({ type: 'PublishCard', rolloutId: rollout.id });
  // `resolution` was found in `state.resolutions`, so the list is there; order carries no meaning.
  const resolutions = [...state.resolutions!.filter((x) => x !== resolution), next];
  return { state: { ...state, resolutions }, commands: step.commands };
}

function toStatus(event: DeployFinished | DeployOutcomeUnknown): DeployState['status'] {
  if (event.type === 'DeployOutcomeUnknown') return 'unknown';
  return event.ok ? 'succeeded' : 'failed';
}

/** The aftermath of `endProductionRollback`, without ending the rollout (it ended before). */
function endRollback(step: Step, event: DeployFinished | DeployOutcomeUnknown, by: string): void {
  if (event.type === 'DeployFinished') reportDeployFinished(step, event);
  else reportDeployment(step, 'rollback', 'error');
  const ok = event.type === 'DeployFinished' && event.ok;
  const reason: EndReason = ok
    ? { code: 'rolled_back_by', user: by }
    : event.type === 'DeployFinished'
      ? { code: 'rollback_failed' }
      : { code: 'deploy_outcome_unknown', stage: 'rollback' };
  freezeAfterProductionRollback(step, reason, !ok);
}
