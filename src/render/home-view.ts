import { eligibility } from '../core/approvals.ts';
import type { EpochMs, Freeze, Policy, PullRequestState, Rollout, SlackUserId } from '../core/types.ts';
import type { RiskView } from './risk-view.ts';

/** One rollout with the aggregate it belongs to. */
export interface HomeRollout {
  readonly state: PullRequestState;
  readonly rollout: Rollout;
}

/** What the viewer's Home tab shows. */
export interface HomeView {
  readonly viewer: SlackUserId;
  readonly at: EpochMs;
  /** Rollouts awaiting approval that the viewer may approve now and has not. */
  readonly canApprove: readonly Rollout[];
  /** Rollouts in their time lock, soonest unlock first. */
  readonly locks: readonly Rollout[];
  /** Deployed and rolled-back rollouts, most recent first. */
  readonly recent: readonly Rollout[];
  readonly freezes: readonly { readonly repo: string; readonly freeze: Freeze }[];
  /** The delegation-risk report (issue #7), when the ledger is on. */
  readonly risk?: RiskView;
}

/**
 * Picks what the viewer sees, with the core's own `eligibility`, so the Home tab never offers an
 * approval the core would refuse (author of the change, not named, identity unmapped).
 */
export function toHomeView(input: {
  readonly viewer: SlackUserId;
  readonly at: EpochMs;
  readonly active: readonly HomeRollout[];
  readonly recent: readonly HomeRollout[];
  readonly freezes: readonly { readonly repo: string; readonly freeze: Freeze }[];
  readonly policyFor: (repo: string) => Policy;
}): HomeView {
  const { viewer, active } = input;
  const canApprove = active
    .map((a) => a.rollout)
    .filter(
      (r) =>
        r.phase === 'awaiting_approval' &&
        !r.approvals.some((a) => a.user === viewer) &&
        eligibility(input.policyFor(r.pr.repo), r.pr, viewer).ok,
    );
  const locks = active
    .map((a) => a.rollout)
    .filter((r) => r.phase === 'time_locked')
    .sort((a, b) => (a.unlockAt ?? Number.POSITIVE_INFINITY) - (b.unlockAt ?? Number.POSITIVE_INFINITY));
  const recent = input.recent
    .map((a) => a.rollout)
    .filter((r) => r.phase === 'deployed' || r.phase === 'rolled_back')
    .sort((a, b) => (b.ended?.at ?? b.phaseSince) - (a.ended?.at ?? a.phaseSince));
  return { viewer, at: input.at, canApprove, locks, recent, freezes: input.freezes };
}
