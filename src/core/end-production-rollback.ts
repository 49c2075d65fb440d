import { endRollout, type Step } from './step.ts';
import type { EndReason, Rollout } from './types.ts';

/**
 * Ends a rollout whose production rollback finished (issue #6): `rolled_back` with the reason the
 * rollback was claimed for, or `failed` when the rollback failed or its outcome is unknown. Either
 * way production went bad, so the repository's production deploys are frozen until an authorized
 * human clears the freeze (`FreezeRepository`, as Shipit does) and the thread says so; a failed
 * rollback also alerts the alerts channel, because production may be broken.
 *
 * Only production rollbacks end here: an unhealthy canary or a canary alert ends its rollout
 * (`rejected`, `cancelled`) in the same decision that claims the canary rollback, a normal gate
 * failure that freezes nothing.
 */
export function endProductionRollback(step: Step, phase: 'rolled_back' | 'failed', reason: EndReason): void {
  endRollout(step, phase, reason);
  freezeAfterProductionRollback(step, reason, phase === 'failed');
}

/**
 * The aftermath of a production rollback that ended, `reason` its cause: the repository frozen,
 * the thread told, and, when the rollback `failed` or never reported, the alerts channel too. Also
 * used, without ending anything, for the rollback a human chose after an unknown production outcome
 * (issue #6), whose rollout ended before.
 */
export function freezeAfterProductionRollback(step: Step, reason: EndReason, failed: boolean): void {
  const r = step.rollout;
  step.commands.push({ type: 'FreezeRepository', rolloutId: r.id, repo: r.pr.repo, reason });
  step.commands.push({ type: 'PostThread', rolloutId: r.id, message: { kind: 'repository_frozen' } });
  if (failed) step.commands.push({ type: 'AlertRollbackFailed', rolloutId: r.id });
}

/**
 * Whether the rollout ended after its production rollback, i.e. it froze the repository: what the
 * card says under its end line. `rolled_back` is reached only that way.
 */
export function endedByProductionRollback(r: Rollout): boolean {
  if (r.phase === 'rolled_back') return true;
  const reason = r.ended?.reason;
  if (r.phase !== 'failed' || reason === undefined) return false;
  return reason.code === 'rollback_failed' || (reason.code === 'deploy_outcome_unknown' && reason.stage === 'rollback');
}
