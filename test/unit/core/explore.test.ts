/**
 * Exhaustive bounded exploration of `decide()` (DESIGN.md, "Orchestrator contract"): every state the
 * world of `domain.ts` can reach in 12 events, every transition checked against I1–I6.
 */
import { describe, expect, it } from 'vitest';
import type { Phase } from '../../../src/core/types.ts';
import { ELIGIBLE, EVERY_EVENT_TYPE, MAY_STEER } from './domain.ts';
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
        `${result.rollbackFreezes} rollback freezes, ${result.rollbackAlerts} failed-rollback alerts, ${seconds} s\n` +
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
    expect(result.states).toBeGreaterThan(50_000);
    expect(result.transitions).toBeGreaterThan(500_000);
    // About 40 s alone; the full suite runs it beside other files on two shared cores.
  }, 300_000);
});
