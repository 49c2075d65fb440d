/**
 * `/shiplock why` as a rulebook: every unmet condition, and who can meet it.
 */
import { describe, expect, it } from 'vitest';
import { explainRollout, namedApprovers } from '../../../src/core/explain-rollout.ts';
import type { Freeze, Policy, PullRequestState, Rollout } from '../../../src/core/types.ts';
import { POLICY, rolloutIn, stateOf, T0 } from '../render/render-fixtures.ts';

const AT = T0 + 900_000;
const FREEZE: Freeze = { reason: 'incident', by: 'UBOB', at: T0 };
const codes = (r: Rollout, s: PullRequestState = stateOf(r), p: Policy = POLICY, at = AT) =>
  explainRollout(s, r, p, at).map((c) => c.code);

describe('explainRollout', () => {
  it('an ended rollout answers only why it ended', () => {
    const r = rolloutIn('rejected');
    expect(explainRollout(stateOf(r), r, POLICY, AT)).toEqual([
      {
        code: 'ended',
        phase: 'rejected',
        reason: { code: 'rejected_by', user: 'UCAROL', reason: 'Needs a migration first' },
      },
    ]);
  });

  it('an ended rollout without a recorded reason says so (null), never guesses', () => {
    const r = { ...rolloutIn('expired'), ended: null };
    expect(explainRollout(stateOf(r), r, POLICY, AT)).toEqual([{ code: 'ended', phase: 'expired', reason: null }]);
  });

  it.each(['deploying', 'verifying'] as const)('in %s: production has started, nothing is left to meet', (phase) => {
    const r = rolloutIn(phase);
    expect(explainRollout(stateOf(r), r, POLICY, AT)).toEqual([{ code: 'production_started', phase }]);
  });

  it('fail by gates: a running gate and a missing gate are both unmet (fail closed)', () => {
    const r = rolloutIn('reviewing');
    const out = explainRollout(stateOf(r), r, POLICY, AT);
    expect(out.filter((c) => c.code === 'gate_not_passed')).toEqual([
      { code: 'gate_not_passed', gateId: 'lint', status: 'running' },
      { code: 'gate_not_passed', gateId: 'unit', status: 'missing' },
    ]);
    expect(codes(r)).toEqual([
      'gate_not_passed',
      'gate_not_passed',
      'deploy_not_succeeded',
      'deploy_not_succeeded',
      'canary_not_healthy',
      'approvals_needed',
      'time_lock',
    ]);
  });

  it('fail by canary: no verdict yet is unmet', () => {
    const r = rolloutIn('canary');
    expect(explainRollout(stateOf(r), r, POLICY, AT)).toContainEqual({ code: 'canary_not_healthy', verdict: null });
  });

  it('fail by no approved: names who can still approve and how many are missing; the full lock is still ahead', () => {
    const r = rolloutIn('awaiting_approval');
    expect(explainRollout(stateOf(r), r, POLICY, AT)).toEqual([
      { code: 'approvals_needed', missing: 1, eligible: ['UCAROL'], seats: [] },
      { code: 'time_lock', unlockAt: null, remainingMs: POLICY.timeLockMs },
    ]);
  });

  it('group seats not yet filled are listed; filled ones are not', () => {
    const policy: Policy = {
      ...POLICY,
      approvals: {
        ...POLICY.approvals,
        required: 1,
        groups: [
          { name: 'sre', members: ['UCAROL'], quorum: 1 },
          { name: 'dev', members: ['UBOB'], quorum: 1 },
        ],
      },
    };
    const r = rolloutIn('awaiting_approval');
    expect(explainRollout(stateOf(r), r, policy, AT)[0]).toEqual({
      code: 'approvals_needed',
      missing: 0,
      eligible: ['UCAROL'],
      seats: [{ name: 'sre', quorum: 1, filled: 0 }],
    });
  });

  it('during the time lock: the time remaining at `at`; after unlock nothing is left', () => {
    const r = rolloutIn('time_locked');
    const unlockAt = r.unlockAt ?? 0;
    expect(explainRollout(stateOf(r), r, POLICY, unlockAt - 60_000)).toEqual([
      { code: 'time_lock', unlockAt, remainingMs: 60_000 },
    ]);
    expect(explainRollout(stateOf(r), r, POLICY, unlockAt)).toEqual([]);
  });

  it('a lock paused by an inconclusive canary is named with what it has left, not as a countdown', () => {
    const since = T0 + 850_000;
    const r = {
      ...rolloutIn('time_locked'),
      canary: { ...rolloutIn('time_locked').canary, verdict: 'inconclusive' as const },
      unlockAt: null,
      lockPaused: { since, remainingMs: 400_000 },
    };
    expect(explainRollout(stateOf(r), r, POLICY, AT + 3_600_000)).toEqual([
      { code: 'canary_not_healthy', verdict: 'inconclusive' },
      { code: 'time_lock_paused', since, remainingMs: 400_000 },
    ]);
  });

  it('a freeze names who can lift it; a preflight hold is reported as is', () => {
    const r = { ...rolloutIn('time_locked'), hold: { code: 'frozen', freeze: FREEZE } as const };
    const state = { ...stateOf(r), freeze: FREEZE };
    expect(explainRollout(state, r, POLICY, r.unlockAt ?? 0)).toEqual([
      { code: 'frozen', freeze: FREEZE, liftableBy: ['UAUTHOR', 'UBOB', 'UCAROL'] },
      { code: 'held', hold: { code: 'frozen', freeze: FREEZE } },
    ]);
  });

  it('namedApprovers: direct and group members, distinct and sorted', () => {
    const policy: Policy = {
      ...POLICY,
      approvals: {
        ...POLICY.approvals,
        approvers: ['UZED', 'UBOB'],
        groups: [{ name: 'g', members: ['UBOB', 'UAMY'], quorum: 1 }],
      },
    };
    expect(namedApprovers(policy)).toEqual(['UAMY', 'UBOB', 'UZED']);
  });
});
