import type { CanaryVerdictValue } from './canary-verdict-value.ts';
import type { JudgeDirection, JudgeRule } from './judge-types.ts';
import type { TestEvidence } from './test-evidence.ts';

/** A test's verdict and the rule that gave it. */
export interface TestDecision {
  readonly verdict: CanaryVerdictValue;
  readonly rule: JudgeRule;
}

/**
 * The three-way rule of CANARY.md §6.2.5–6, in order:
 * 1. a test that could not run is inconclusive (`no_data`, `too_few_samples`, `no_errors`);
 * 2. unhealthy when the Holm-adjusted p ≤ this look's α AND the estimate lies beyond the margin
 *    in a harmful direction (statistically and practically significant);
 * 3. healthy when the interval lies inside the margin on every harmful side (non-inferiority,
 *    TOST): an unattainable interval is (−∞, +∞) and never does;
 * 4. otherwise inconclusive: `cannot_reach_alpha` when even complete separation could not reach
 *    α (the attainable-significance guard), else `significant_within_margin` or `not_significant`.
 */
export function decideTest(e: TestEvidence, direction: JudgeDirection, adjustedP: number, alpha: number): TestDecision {
  if (e.untested !== null) return { verdict: 'inconclusive', rule: e.untested };
  const up = direction !== 'decrease';
  const down = direction !== 'increase';
  const beyond = (up && e.estimate > e.margin) || (down && e.estimate < -e.margin);
  const significant = adjustedP <= alpha;
  if (significant && beyond) return { verdict: 'unhealthy', rule: 'significant_beyond_margin' };
  if ((!up || e.upper < e.margin) && (!down || e.lower > -e.margin))
    return { verdict: 'healthy', rule: 'within_margin' };
  if (e.minAttainableP > alpha) return { verdict: 'inconclusive', rule: 'cannot_reach_alpha' };
  return { verdict: 'inconclusive', rule: significant ? 'significant_within_margin' : 'not_significant' };
}
