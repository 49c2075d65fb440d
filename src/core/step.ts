import type {
  Command,
  DeployFinished,
  DeploymentStatus,
  DeployStage,
  EndReason,
  EpochMs,
  Phase,
  Reply,
  Rollout,
  SlackUserId,
  TerminalPhase,
  TimerKind,
} from './types.ts';

/**
 * A rollout being decided, with the commands decided so far. Local to one `decide` call: the
 * mutation never escapes, so `decide` stays a pure function of its arguments.
 */
export interface Step {
  rollout: Rollout;
  readonly commands: Command[];
  readonly at: EpochMs;
}

/** Starts a step for one rollout at the event's time. */
export function createStep(rollout: Rollout, at: EpochMs): Step {
  return { rollout, commands: [], at };
}

/** Moves the rollout to `phase` (no-op when it is already there). */
export function enterPhase(step: Step, phase: Phase): void {
  if (step.rollout.phase === phase) return;
  step.rollout = { ...step.rollout, phase, phaseSince: step.at };
}

/** Ends the rollout: terminal phase, reason, and every timer dropped. */
export function endRollout(step: Step, phase: TerminalPhase, reason: EndReason): void {
  enterPhase(step, phase);
  step.rollout = { ...step.rollout, ended: { at: step.at, reason }, preflightRunning: false };
  step.commands.push({ type: 'CancelTimers', rolloutId: step.rollout.id });
}

/** Claims a deploy stage: epoch + 1, then the command the shell runs once (at most once, I2). */
export function claimDeploy(step: Step, stage: DeployStage): void {
  const r = step.rollout;
  const epoch = r.epoch + 1;
  step.rollout = {
    ...r,
    epoch,
    deploys: {
      ...r.deploys,
      [stage]: { status: 'claimed', epoch, claimedAt: step.at, finishedAt: null, summary: '' },
    },
  };
  step.commands.push({
    type: 'StartDeploy',
    rolloutId: r.id,
    repo: r.pr.repo,
    pr: r.pr.number,
    sha: r.pr.sha,
    stage,
    epoch,
    idempotencyKey: `${r.id}:${stage}:${epoch}`,
  });
  reportDeployment(step, stage, 'in_progress');
}

/** GitHub's deployment of `stage` for this rollout gets `status`. */
export function reportDeployment(step: Step, stage: DeployStage, status: DeploymentStatus): void {
  const r = step.rollout;
  step.commands.push({
    type: 'ReportToGitHub',
    rolloutId: r.id,
    repo: r.pr.repo,
    sha: r.pr.sha,
    report: { kind: 'deployment', stage, status },
  });
}

/** A claim's script finished: the thread says so and GitHub's deployment gets its final status. */
export function reportDeployFinished(step: Step, event: DeployFinished): void {
  const r = step.rollout;
  step.commands.push({
    type: 'PostThread',
    rolloutId: r.id,
    message: { kind: 'deploy_finished', stage: event.stage, epoch: event.epoch },
  });
  reportDeployment(step, event.stage, event.ok ? 'success' : 'failure');
}

/** Schedules (or moves) the rollout's timer of `kind`. */
export function schedule(step: Step, kind: TimerKind, dueAt: EpochMs): void {
  step.commands.push({ type: 'ScheduleTimer', rolloutId: step.rollout.id, kind, dueAt });
}

/** Answers the acting user privately. */
export function reply(step: Step, user: SlackUserId, answer: Reply): void {
  step.commands.push({ type: 'ReplyEphemeral', rolloutId: step.rollout.id, user, reply: answer });
}
