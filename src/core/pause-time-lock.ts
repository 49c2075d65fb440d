import { countedApprovers } from './approvals.ts';
import { type Step, schedule } from './step.ts';
import type { Policy, Rollout } from './types.ts';

/**
 * Stops the countdown because the canary turned inconclusive during the lock (issue 5): the time
 * left is kept, `unlockAt` is cleared so nothing can compare against a stale deadline (the
 * production guard reads a missing `unlockAt` as a lock not run out), and the counted approvers
 * are asked to look. Callers guarantee the lock is counting (`unlockAt` set and in the future).
 */
export function pauseTimeLock(step: Step, policy: Policy): void {
  const r = step.rollout;
  const remainingMs = (r.unlockAt as number) - step.at;
  step.rollout = { ...r, unlockAt: null, lockPaused: { since: step.at, remainingMs } };
  const approvers = countedApprovers(policy, r.pr, r.approvals);
  step.commands.push({
    type: 'PostThread',
    rolloutId: r.id,
    message: { kind: 'time_lock_paused', remainingMs, approvers },
  });
}

/**
 * A healthy look after a pause: the countdown runs again for the time it had left, so the lock
 * still counts its full length with a canary that is not in doubt. The `time_lock` timer moves.
 */
export function resumeTimeLock(step: Step): void {
  const { lockPaused, ...rest } = step.rollout;
  const unlockAt = step.at + (lockPaused as NonNullable<Rollout['lockPaused']>).remainingMs;
  step.rollout = { ...rest, unlockAt };
  schedule(step, 'time_lock', unlockAt);
  step.commands.push({ type: 'PostThread', rolloutId: rest.id, message: { kind: 'time_lock_resumed', unlockAt } });
}

/** The rollout without a paused lock (entering the request for approval starts a new lock later). */
export function withoutPause(r: Rollout): Rollout {
  if (r.lockPaused === undefined) return r;
  const { lockPaused: _dropped, ...rest } = r;
  return rest;
}
