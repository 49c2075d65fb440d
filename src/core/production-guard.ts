import { countedApprovers, hasQuorum } from './approvals.ts';
import type { EpochMs, Freeze, Policy, PreflightFacts, Rollout } from './types.ts';

/** One unmet condition for production, with a stable code for the card and `/shiplock why`. */
export type ProductionBlocker =
  | { readonly code: 'not_time_locked' }
  | { readonly code: 'gate_not_passed'; readonly gateId: string }
  | { readonly code: 'deploy_not_succeeded'; readonly stage: 'staging' | 'canary' }
  | { readonly code: 'canary_not_healthy' }
  | { readonly code: 'quorum_not_met' }
  | { readonly code: 'lock_not_expired'; readonly unlockAt: EpochMs | null }
  | { readonly code: 'head_moved'; readonly headSha: string }
  | { readonly code: 'frozen'; readonly freeze: Freeze }
  | { readonly code: 'window_closed'; readonly nextWindowAt: EpochMs | null }
  | { readonly code: 'already_claimed' };

/**
 * Every condition of invariant I1 that production still waits for, for this exact SHA. Production
 * may start only when the list is empty. Missing data is a blocker, never a pass (I5).
 */
export function productionBlockers(
  r: Rollout,
  policy: Policy,
  at: EpochMs,
  facts: PreflightFacts,
  storedFreeze: Freeze | null,
): readonly ProductionBlocker[] {
  const blockers: ProductionBlocker[] = [];
  if (r.phase !== 'time_locked' || r.ended !== null) blockers.push({ code: 'not_time_locked' });
  for (const gate of policy.gates) {
    if (r.gates[gate.id]?.status !== 'passed') blockers.push({ code: 'gate_not_passed', gateId: gate.id });
  }
  for (const stage of ['staging', 'canary'] as const) {
    if (r.deploys[stage]?.status !== 'succeeded') blockers.push({ code: 'deploy_not_succeeded', stage });
  }
  if (r.canary.verdict !== 'healthy' || facts.canary !== 'healthy') {
    blockers.push({ code: 'canary_not_healthy' });
  }
  if (!hasQuorum(policy, countedApprovers(policy, r.pr, r.approvals))) blockers.push({ code: 'quorum_not_met' });
  if (r.unlockAt === null || at < r.unlockAt) blockers.push({ code: 'lock_not_expired', unlockAt: r.unlockAt });
  if (facts.headSha !== r.pr.sha) blockers.push({ code: 'head_moved', headSha: facts.headSha });
  const freeze = facts.freeze ?? storedFreeze;
  if (freeze !== null) blockers.push({ code: 'frozen', freeze });
  if (!facts.windowOpen) blockers.push({ code: 'window_closed', nextWindowAt: facts.nextWindowAt });
  if (r.deploys.production !== undefined) blockers.push({ code: 'already_claimed' });
  return blockers;
}
