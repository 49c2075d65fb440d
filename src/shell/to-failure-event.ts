import type { Command, EpochMs, Event } from '../core/types.ts';

/**
 * The event that reports a command whose port threw. Every failure fails closed: a gate errors
 * (Retry button), a canary is inconclusive, a verification fails (rollback), a deploy failed.
 * `null` means "retry later": the preflight (production waits), a rollback's freeze (kept trying)
 * and what people and GitHub see.
 */
export function toFailureEvent(command: Command, code: string, at: EpochMs): Event | null {
  switch (command.type) {
    case 'RunGate': {
      const { rolloutId, sha, gateId, attempt } = command;
      const outcome = { status: 'error' as const, summary: code, durationMs: 0 };
      return { type: 'GateFinished', at, rolloutId, sha, gateId, attempt, outcome };
    }
    case 'RequestAdvisoryReview':
      return {
        type: 'AdvisoryReviewFinished',
        at,
        rolloutId: command.rolloutId,
        sha: command.sha,
        review: { kind: 'advisory', payload: { unavailable: code } },
      };
    case 'StartDeploy': {
      const { rolloutId, stage, epoch } = command;
      return { type: 'DeployFinished', at, rolloutId, stage, epoch, ok: false, summary: code };
    }
    case 'JudgeCanary': {
      const { rolloutId, sha, look } = command;
      return { type: 'CanaryJudged', at, rolloutId, sha, look, verdict: 'inconclusive', summary: code };
    }
    case 'RunVerification':
      return {
        type: 'VerificationCompleted',
        at,
        rolloutId: command.rolloutId,
        epoch: command.epoch,
        ok: false,
        summary: code,
      };
    default:
      return null;
  }
}

/** A stable error code for the log and the card, from whatever a port threw. */
export function toErrorCode(error: unknown): string {
  if (error instanceof Error) {
    const match = /^(shiplock_[a-z_]+)/.exec(error.message);
    return match?.[1] ?? 'shiplock_port_error';
  }
  return 'shiplock_port_error';
}
