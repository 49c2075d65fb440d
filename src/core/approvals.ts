import type { Approval, Policy, PullRequestInfo, Refusal, SlackUserId } from './types.ts';

/** Either the user may approve this change, or the refusal that says why not. */
export type Eligibility = { readonly ok: true } | { readonly ok: false; readonly refusal: Refusal };

/** True when the user is named in the policy, directly or through a group. */
export function isNamedApprover(policy: Policy, user: SlackUserId): boolean {
  const { approvers, groups } = policy.approvals;
  return approvers.includes(user) || groups.some((g) => g.members.includes(user));
}

/**
 * Whether `user` may approve the change `pr` (invariant I4).
 *
 * The PR author and every commit author are never eligible. A named approver whose Slack id maps to
 * no GitHub login is not eligible either: we could not tell whether they wrote the change (fail
 * closed).
 */
export function eligibility(policy: Policy, pr: PullRequestInfo, user: SlackUserId): Eligibility {
  if (!isNamedApprover(policy, user)) return { ok: false, refusal: { code: 'not_named_approver' } };
  const logins = policy.people.filter((p) => p.slack === user).map((p) => p.github.toLowerCase());
  if (logins.length === 0) return { ok: false, refusal: { code: 'identity_unmapped' } };
  const authors = new Set([pr.author, ...pr.commitAuthors].map((a) => a.toLowerCase()));
  if (logins.some((login) => authors.has(login))) {
    return { ok: false, refusal: { code: 'author_of_change' } };
  }
  return { ok: true };
}

/** Whether the user may stop the change (reject, cancel, roll back): named approvers and the author. */
export function maySteer(policy: Policy, pr: PullRequestInfo, user: SlackUserId): boolean {
  if (isNamedApprover(policy, user)) return true;
  const author = pr.author.toLowerCase();
  return policy.people.some((p) => p.slack === user && p.github.toLowerCase() === author);
}

/** The distinct approvers that count under the current policy, in the order they approved. */
export function countedApprovers(
  policy: Policy,
  pr: PullRequestInfo,
  approvals: readonly Approval[],
): readonly SlackUserId[] {
  const seen = new Set<SlackUserId>();
  for (const a of approvals) {
    if (eligibility(policy, pr, a.user).ok) seen.add(a.user);
  }
  return [...seen];
}

/**
 * True when the approvers meet the quorum: at least `required` distinct humans, and every group
 * seat filled by a different human (one person never fills two seats, found by bipartite matching).
 */
export function hasQuorum(policy: Policy, approvers: readonly SlackUserId[]): boolean {
  const { required, groups } = policy.approvals;
  if (approvers.length < Math.max(1, required)) return false;
  const seats = groups.flatMap((g) => Array.from({ length: Math.max(0, g.quorum) }, () => g.members));
  return fillsSeats(seats, approvers);
}

/** Kuhn's augmenting paths: can every seat get its own approver who is a member of it? */
function fillsSeats(seats: readonly (readonly SlackUserId[])[], approvers: readonly SlackUserId[]): boolean {
  const holder = new Map<SlackUserId, number>();
  const tryAssign = (seat: number, visited: Set<SlackUserId>): boolean => {
    for (const user of approvers) {
      if (!seats[seat]?.includes(user) || visited.has(user)) continue;
      visited.add(user);
      const current = holder.get(user);
      if (current === undefined || tryAssign(current, visited)) {
        holder.set(user, seat);
        return true;
      }
    }
    return false;
  };
  return seats.every((_, seat) => tryAssign(seat, new Set()));
}

/** The users who could still approve: named, eligible and not yet approved. */
export function stillEligible(
  policy: Policy,
  pr: PullRequestInfo,
  approvals: readonly Approval[],
): readonly SlackUserId[] {
  const named = new Set([...policy.approvals.approvers, ...policy.approvals.groups.flatMap((g) => g.members)]);
  const given = new Set(approvals.map((a) => a.user));
  return [...named].filter((u) => !given.has(u) && eligibility(policy, pr, u).ok).sort();
}
