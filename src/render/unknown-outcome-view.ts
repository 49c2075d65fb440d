import type {
  DeployStage,
  DeployState,
  EpochMs,
  OutcomeResolution,
  ResolutionKind,
  Rollout,
  SlackUserId,
} from '../core/types.ts';

/**
 * A deploy that started and never reported (issue #6): its stage, when it was claimed, and for
 * production the human answer once given (who, when, how, and how the rollback they chose went).
 */
export interface CardUnknownOutcome {
  readonly stage: DeployStage;
  readonly startedAt: EpochMs;
  readonly resolution: {
    readonly kind: ResolutionKind;
    readonly by: SlackUserId;
    readonly at: EpochMs;
    readonly rollback: DeployState['status'] | null;
  } | null;
}

/**
 * The card's view of a staging, canary or production deploy whose outcome is unknown, or `null`.
 * A rollback that never reported is the failed-rollback notice's story, not this one.
 */
export function toUnknownOutcome(rollout: Rollout, resolution: OutcomeResolution | null): CardUnknownOutcome | null {
  const ended = rollout.ended;
  if (ended?.reason.code !== 'deploy_outcome_unknown' || ended.reason.stage === 'rollback') return null;
  const answer =
    resolution === null
      ? null
      : { kind: resolution.kind, by: resolution.by, at: resolution.at, rollback: resolution.rollback?.status ?? null };
  const startedAt = rollout.deploys[ended.reason.stage]?.claimedAt ?? ended.at;
  return { stage: ended.reason.stage, startedAt, resolution: answer };
}
