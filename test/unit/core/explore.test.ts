/**
 * Exhaustive bounded exploration of `decide()` (DESIGN.md, "Orchestrator contract"): every state the
 * world of `domain.ts` can reach in 12 events, every transition checked against I1–I6.
 */
import { describe, expect, it } from 'vitest';
import type { Phase } from '../../../src/core/types.ts';
import { ELIGIBLE, EVERY_EVENT_TYPE, MAY_STEER, NARROW, UBOB, UERIN, WORLD_POLICY, worldPr } from './domain.ts';
import { given } from './driver.ts';
import { explore } from './explorer.ts';
import type { Oracle } from './invariants.ts';

/** Written from the world's description, not with `approvals.ts`: bob and erin, two of them. */
const WORLD_ORACLE: Oracle = {
  eligible: (user) => ELIGIBLE.has(user),
  mayStop: (user) => MAY_STEER.has(user),
  quorum: (users) => new Set(users.filter((u) => ELIGIBLE.has(u))).size >= 2,
};

const TERMINAL_PHASES: readonly Phase[] = [
  'deployed',
  'rolled_back',
  'failed',
  'expired',
  'superseded',
  'cancelled',
  'rejected',
];

describe('exhaustive exploration of decide()', () => {
  it('keeps I1–I6 on every transition reachable in 12 events', () => {
    const started = performance.now();
    const result = explore({ depth: 12, oracle: WORLD_ORACLE });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `explore: depth ${result.maxDepth}, ${result.states} states, ${result.transitions} transitions, ` +
        `${result.advisorySwaps} advisory swaps (I3), ${result.replays} replays (I6), ` +
        `${result.pausedStates} paused-lock states, ${result.resumes} resumes, ` +
        `${result.rollbackFreezes} rollback freezes, ${result.rollbackAlerts} failed-rollback alerts, ` +
        `${result.resolvedRollbacks}/${result.resolvedConfirms} unknown outcomes rolled back/confirmed, ${seconds} s\n` +
        `  new states per depth: ${result.perDepth.join(' ')}\n` +
        `  new states by event: ${JSON.stringify(result.newStatesBy)}`,
    );
    expect(result.maxDepth).toBe(12);
    // Not vacuous: every event kind was offered and every ending was reached.
    expect([...result.eventTypes].sort()).toEqual([...EVERY_EVENT_TYPE].sort());
    for (const phase of TERMINAL_PHASES) expect(result.phases, phase).toContain(phase);
    // The lock paused by an inconclusive canary, and resumed by a healthy one, was explored (issue 5).
    expect(result.pausedStates).toBeGreaterThan(0);
    expect(result.resumes).toBeGreaterThan(0);
    // Production rollbacks that froze the repository, and failed ones that alerted, were explored (issue #6).
    expect(result.rollbackFreezes).toBeGreaterThan(0);
    expect(result.rollbackAlerts).toBeGreaterThan(0);
    // A production outcome found unknown is answered, both ways, within the depth (issue #6).
    expect(result.resolvedRollbacks).toBeGreaterThan(0);
    expect(result.resolvedConfirms).toBeGreaterThan(0);
    expect(result.states).toBeGreaterThan(50_000);
    expect(result.transitions).toBeGreaterThan(500_000);
    // About 40 s alone; beside other files on two loaded, shared cores it has taken over six minutes.
  }, 900_000);
});

describe('exhaustive exploration after a production outcome found unknown (issue #6)', () => {
  it('keeps I1–I6 and the answer rules on every transition reachable in 4 more events', () => {
    // The main exploration reaches the answer at its last step; this one starts where it matters,
    // so that the rollback a human claims, its results and every later click are explored too.
    const g = given(WORLD_POLICY, worldPr).awaitingApproval().approve(UBOB).approve(UERIN);
    g.timer('time_lock', WORLD_POLICY.timeLockMs).preflight();
    g.send({ type: 'DeployOutcomeUnknown', rolloutId: 'r1', stage: 'production', epoch: g.rollout().epoch });
    expect(g.phase).toBe('failed');
    const started = performance.now();
    // Everything by everyone, pushes and closes included (a new rollout may run beside the answer).
    const breadth = { ...NARROW, allUsers: true };
    const result = explore({ depth: 4, oracle: WORLD_ORACLE, from: g.events, breadth });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `explore after unknown production: ${result.states} states, ${result.transitions} transitions, ` +
        `${result.resolvedRollbacks} rollbacks and ${result.resolvedConfirms} confirmations taken, ` +
        `${result.resolvedRollbackEnds} claimed rollbacks ended (frozen), ${result.alreadyResolved} second answers refused, ` +
        `${result.rollbackAlerts} failed-rollback alerts, ${seconds} s`,
    );
    expect(result.maxDepth).toBe(4);
    expect(result.resolvedRollbacks).toBeGreaterThan(0);
    expect(result.resolvedConfirms).toBeGreaterThan(0);
    expect(result.resolvedRollbackEnds).toBeGreaterThan(0);
    expect(result.rollbackAlerts).toBeGreaterThan(0);
    expect(result.alreadyResolved).toBeGreaterThan(0);
  }, 300_000);
});
