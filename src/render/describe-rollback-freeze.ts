import type { EndReason, Rollout } from '../core/types.ts';

/** The cause, in words, of a freeze shiplock set after a production rollback. */
const CAUSES: Readonly<Partial<Record<EndReason['code'], string>>> = {
  verification_failed: 'its verification failed',
  deploy_failed: 'the production deploy failed',
  rolled_back_by: 'Roll back was clicked',
  rollback_failed: 'the rollback failed, production may be broken',
  deploy_outcome_unknown: 'the rollback never reported, production may be broken',
};

/**
 * The stored reason of the freeze shiplock sets after a production rollback (issue #6): plain
 * text, like a reason typed into `/shiplock freeze on`, so every place that shows a freeze escapes
 * and cuts it the same way. It names the repository, pull request and commit (ours, from the
 * webhook and config) and the cause; the full story is on the rollout's card.
 */
export function describeRollbackFreeze(rollout: Rollout, reason: EndReason): string {
  const cause = CAUSES[reason.code] ?? 'production was rolled back';
  const sha = rollout.pr.sha.slice(0, 7);
  return `automatic after the production rollback of ${rollout.pr.repo}#${rollout.pr.number} at ${sha} (rollout ${rollout.id}): ${cause}`.slice(
    0,
    500,
  );
}
