import { resolutionOf } from '../core/decide-resolution.ts';
import { endedByProductionRollback } from '../core/end-production-rollback.ts';
import type { PullRequestState, Rollout } from '../core/types.ts';

/**
 * How the production rollback of this rollout ended, counting the one a human claimed after an
 * unknown production outcome (issue #6): `rolled_back`, `failed` (it failed or never reported, so
 * production may be broken), or `null` while none ended. Either way the repository was frozen.
 */
export function rollbackOutcome(state: PullRequestState, rollout: Rollout): 'rolled_back' | 'failed' | null {
  if (endedByProductionRollback(rollout)) return rollout.phase === 'rolled_back' ? 'rolled_back' : 'failed';
  const status = resolutionOf(state, rollout.id)?.rollback?.status;
  if (status === 'succeeded') return 'rolled_back';
  return status === 'failed' || status === 'unknown' ? 'failed' : null;
}
