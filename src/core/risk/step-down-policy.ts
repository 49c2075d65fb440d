import type { Policy } from '../types.ts';
import type { StepDown } from './fold-risk-ledger.ts';

/** How much the step-down tightens: approvers added, and the factor on the time lock. */
export const STEP_DOWN = { extraApprovers: 1, lockFactor: 2 } as const;

/**
 * The policy with autonomy stepped down (issue #7, at 100 % of a budget): one more distinct
 * approver and a doubled time lock. It only ever tightens the configured policy, so it can
 * never loosen anything below the configuration; without a step-down it is the policy itself.
 */
export function stepDownPolicy(policy: Policy, stepDown: StepDown | null): Policy {
  if (stepDown === null) return policy;
  return {
    ...policy,
    approvals: { ...policy.approvals, required: policy.approvals.required + STEP_DOWN.extraApprovers },
    timeLockMs: policy.timeLockMs * STEP_DOWN.lockFactor,
  };
}
