import { countedApprovers, hasQuorum, stillEligible } from './approvals.ts';
import { isTerminal } from './phases.ts';
import type {
  CanaryVerdict,
  EndReason,
  EpochMs,
  Freeze,
  GateStatus,
  HoldReason,
  Policy,
  PullRequestState,
  Rollout,
  SlackUserId,
  TerminalPhase,
} from './types.ts';

/** One approver group's seats: how many the quorum needs and how many counted approvers fill. */
export interface SeatCount {
  readonly name: string;
  readonly quorum: number;
  readonly filled: number;
}

/**
 * One condition the rollout still waits for, with a stable code for `/shiplock why`, and who can
 * meet it where a human can. Missing data is reported as unmet, never as met (invariant I5).
 */
export type UnmetCondition =
  | { readonly code: 'ended'; readonly phase: TerminalPhase; readonly reason: EndReason | null }
  | { readonly code: 'production_started'; readonly phase: 'deploying' | 'verifying' }
  | { readonly code: 'gate_not_passed'; readonly gateId: string; readonly status: GateStatus | 'missing' }
  | { readonly code: 'deploy_not_succeeded'; readonly stage: 'staging' | 'canary' }
  | { readonly code: 'canary_not_healthy'; readonly verdict: CanaryVerdict | null }
  | {
      readonly code: 'approvals_needed';
      /** Distinct humans still missing, ignoring group seats. */
      readonly missing: number;
      /** Who could approve now: named, eligible, not yet approved (the core's `stillEligible`). */
      readonly eligible: readonly SlackUserId[];
      /** Group seats not yet filled. */
      readonly seats: readonly SeatCount[];
    }
  | {
      readonly code: 'time_lock';
      /** `null` while the lock has not started (it starts at quorum). */
      readonly unlockAt: EpochMs | null;
      readonly remainingMs: number;
    }
  | {
      readonly code: 'time_lock_paused';
      /** Since when the countdown stands still: the canary turned inconclusive then. */
      readonly since: EpochMs;
      /** What is left of the lock once a healthy look resumes it. */
      readonly remainingMs: number;
    }
  | { readonly code: 'frozen'; readonly freeze: Freeze; readonly liftableBy: readonly SlackUserId[] }
  | { readonly code: 'held'; readonly hold: HoldReason };

/**
 * Every condition production still waits for, for `/shiplock why`: blocking gates not passed,
 * staging and canary deploys, the canary verdict, approvals still needed (with who can give them and
 * the group seats left), the time lock remaining at `at` (or paused, and what it has left), a freeze (with who can lift it), a
 * preflight hold. An ended rollout answers only why it ended; one already in production answers
 * only that. Pure: `at` is the caller's clock.
 */
export function explainRollout(
  state: PullRequestState,
  rollout: Rollout,
  policy: Policy,
  at: EpochMs,
): readonly UnmetCondition[] {
  const { phase } = rollout;
  if (isTerminal(phase)) return [{ code: 'ended', phase, reason: rollout.ended?.reason ?? null }];
  if (phase === 'deploying' || phase === 'verifying') return [{ code: 'production_started', phase }];
  const out: UnmetCondition[] = [];
  for (const gate of policy.gates) {
    const status = rollout.gates[gate.id]?.status ?? 'missing';
    if (status !== 'passed') out.push({ code: 'gate_not_passed', gateId: gate.id, status });
  }
  for (const stage of ['staging', 'canary'] as const) {
    if (rollout.deploys[stage]?.status !== 'succeeded') out.push({ code: 'deploy_not_succeeded', stage });
  }
  if (rollout.canary.verdict !== 'healthy') out.push({ code: 'canary_not_healthy', verdict: rollout.canary.verdict });
  const counted = countedApprovers(policy, rollout.pr, rollout.approvals);
  if (!hasQuorum(policy, counted)) out.push(approvalsNeeded(policy, rollout, counted));
  const paused = rollout.lockPaused;
  if (paused !== undefined)
    out.push({ code: 'time_lock_paused', since: paused.since, remainingMs: paused.remainingMs });
  else if (rollout.unlockAt === null) out.push({ code: 'time_lock', unlockAt: null, remainingMs: policy.timeLockMs });
  else if (at < rollout.unlockAt)
    out.push({ code: 'time_lock', unlockAt: rollout.unlockAt, remainingMs: rollout.unlockAt - at });
  if (state.freeze !== null) out.push({ code: 'frozen', freeze: state.freeze, liftableBy: namedApprovers(policy) });
  if (rollout.hold !== null) out.push({ code: 'held', hold: rollout.hold });
  return out;
}

function approvalsNeeded(policy: Policy, rollout: Rollout, counted: readonly SlackUserId[]): UnmetCondition {
  const seats = policy.approvals.groups
    .map((g) => ({
      name: g.name,
      quorum: g.quorum,
      filled: Math.min(Math.max(0, g.quorum), counted.filter((u) => g.members.includes(u)).length),
    }))
    .filter((s) => s.filled < s.quorum);
  return {
    code: 'approvals_needed',
    missing: Math.max(0, Math.max(1, policy.approvals.required) - counted.length),
    eligible: stillEligible(policy, rollout.pr, rollout.approvals),
    seats,
  };
}

/** Everyone named in the approval policy, directly or through a group, sorted and distinct. */
export function namedApprovers(policy: Policy): readonly SlackUserId[] {
  const { approvers, groups } = policy.approvals;
  return [...new Set([...approvers, ...groups.flatMap((g) => g.members)])].sort();
}
