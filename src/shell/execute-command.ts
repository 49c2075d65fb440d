import { assertNever } from '../core/phases.ts';
import { AUTOMATIC_FREEZE_BY, type Command, type Event, type PullRequestState, type Rollout } from '../core/types.ts';
import { describeRollbackFreeze } from '../render/describe-rollback-freeze.ts';
import type { Clock, Ports } from './ports.ts';

/** What the executor needs besides the command: the ports, the clock and the current aggregate. */
export interface ExecuteContext {
  readonly ports: Ports;
  readonly clock: Clock;
  readonly state: PullRequestState | null;
  /** The seed recorded for a gate run (see `GateStarted.seed`). */
  readonly seed?: number;
}

/**
 * Performs one command through its port and returns the event that reports its result, if any.
 * The only place in the shell that touches the outside world. Errors from a port propagate to the
 * caller, which turns them into a result event or retries.
 */
export async function executeCommand(command: Command, ctx: ExecuteContext): Promise<Event | null> {
  const { ports, clock } = ctx;
  switch (command.type) {
    case 'RunGate': {
      const outcome = await ports.gates.run(command, rolloutOf(ctx, command.rolloutId), { seed: ctx.seed ?? 0 });
      const { rolloutId, sha, gateId, attempt } = command;
      return { type: 'GateFinished', at: clock.now(), rolloutId, sha, gateId, attempt, outcome };
    }
    case 'RequestAdvisoryReview': {
      const review = await ports.reviewer.review(rolloutOf(ctx, command.rolloutId));
      return {
        type: 'AdvisoryReviewFinished',
        at: clock.now(),
        rolloutId: command.rolloutId,
        sha: command.sha,
        review,
      };
    }
    case 'StartDeploy': {
      const { ok, summary } = await ports.deployer.deploy(command);
      const { rolloutId, stage, epoch } = command;
      return { type: 'DeployFinished', at: clock.now(), rolloutId, stage, epoch, ok, summary };
    }
    case 'JudgeCanary': {
      const { verdict, summary, metrics, score } = await ports.canary.judge(command);
      const { rolloutId, sha, look } = command;
      const rows = { ...(metrics === undefined ? {} : { metrics }), ...(score === undefined ? {} : { score }) };
      return { type: 'CanaryJudged', at: clock.now(), rolloutId, sha, look, verdict, summary, ...rows };
    }
    case 'RunPreflight': {
      const facts = await ports.preflight.check(rolloutOf(ctx, command.rolloutId));
      return { type: 'PreflightCompleted', at: clock.now(), rolloutId: command.rolloutId, facts };
    }
    case 'RunVerification': {
      const { ok, summary } = await ports.verifier.verify(command);
      return {
        type: 'VerificationCompleted',
        at: clock.now(),
        rolloutId: command.rolloutId,
        epoch: command.epoch,
        ok,
        summary,
      };
    }
    case 'ReportToGitHub':
      await ports.github.report(command);
      return null;
    case 'PublishCard':
      if (ctx.state !== null) await ports.notifier.publishCard(ctx.state, rolloutOf(ctx, command.rolloutId));
      return null;
    case 'PostThread':
      if (ctx.state !== null)
        await ports.notifier.postThread(ctx.state, rolloutOf(ctx, command.rolloutId), command.message);
      return null;
    case 'ReplyEphemeral':
      await ports.notifier.replyEphemeral(command, ctx.state);
      return null;
    case 'PublishAlert': {
      const alert = ctx.state?.alerts?.find((a) => a.rolloutId === command.rolloutId && a.id === command.alertId);
      if (ctx.state !== null && alert !== undefined)
        await ports.notifier.publishAlert(ctx.state, rolloutOf(ctx, command.rolloutId), alert);
      return null;
    }
    case 'AlertRollbackFailed':
      if (ctx.state !== null) await ports.notifier.alertRollbackFailed(ctx.state, rolloutOf(ctx, command.rolloutId));
      return null;
    case 'FreezeRepository': {
      // Like `/shiplock freeze on`: the stored freeze (kept when one was there), then FreezeChanged
      // to every open pull request of the repository. Running it twice stores nothing new.
      const rollout = rolloutOf(ctx, command.rolloutId);
      const at = clock.now();
      const wanted = { reason: describeRollbackFreeze(rollout, command.reason), by: AUTOMATIC_FREEZE_BY, at };
      const freeze = ports.freezes.freezeUnlessFrozen(command.repo, wanted);
      return { type: 'FreezeChanged', at, repo: command.repo, freeze };
    }
    case 'ScheduleTimer':
    case 'CancelTimers':
      return null; // Timers are rows the store wrote in the decision's own transaction.
    default:
      return assertNever(command);
  }
}

function rolloutOf(ctx: ExecuteContext, rolloutId: string): Rollout {
  const rollout = ctx.state?.rollouts.find((r) => r.id === rolloutId);
  if (rollout === undefined) throw new Error(`shiplock_unknown_rollout: ${rolloutId}`);
  return rollout;
}
