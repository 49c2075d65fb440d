import { countedApprovers, hasQuorum, stillEligible } from '../core/approvals.ts';
import type { Policy, Rollout, SlackUserId } from '../core/types.ts';

/** One approver group's seats, for "sre: 1 of 1". */
export interface GroupSeats {
  readonly name: string;
  readonly quorum: number;
  readonly filled: number;
}

/** The named approvals so far and what is still needed, as the card shows them. */
export interface ApprovalView {
  /** Distinct humans needed (at least 1). */
  readonly required: number;
  /** Approvers that count, in the order they approved. */
  readonly counted: readonly SlackUserId[];
  /** Clicks that do not count (no longer eligible under the current policy). */
  readonly uncounted: readonly SlackUserId[];
  readonly quorumMet: boolean;
  /** How many more distinct humans are needed, ignoring group seats. */
  readonly missing: number;
  readonly groups: readonly GroupSeats[];
  /** Who could still approve; empty once the request is closed. */
  readonly eligible: readonly SlackUserId[];
}

/**
 * Approvals through the core's own helpers (`countedApprovers`, `hasQuorum`, `stillEligible`), so
 * the card can never disagree with what `decide` counts. Group seats are shown per group; whether
 * one person fills two seats is the core's bipartite check, reflected in `quorumMet`.
 */
export function toApprovalView(rollout: Rollout, policy: Policy): ApprovalView {
  const counted = countedApprovers(policy, rollout.pr, rollout.approvals);
  const countedSet = new Set(counted);
  const uncounted = [...new Set(rollout.approvals.map((a) => a.user))].filter((u) => !countedSet.has(u));
  const required = Math.max(1, policy.approvals.required);
  const groups = policy.approvals.groups
    .filter((g) => g.quorum > 0)
    .map((g) => ({
      name: g.name,
      quorum: g.quorum,
      filled: Math.min(g.quorum, counted.filter((u) => g.members.includes(u)).length),
    }));
  const open = rollout.phase === 'awaiting_approval';
  return {
    required,
    counted,
    uncounted,
    quorumMet: hasQuorum(policy, counted),
    missing: Math.max(0, required - counted.length),
    groups,
    eligible: open ? stillEligible(policy, rollout.pr, rollout.approvals) : [],
  };
}
