/** Invariants of the native judge, by fast-check (CANARY.md §6.4.3). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CanaryVerdictValue, judgeCanary } from '../../../../../src/core/canary/judge/index.ts';
import { canonicalJson } from '../../../../../src/core/canonical-json.ts';
import { latencies, once, series } from './judge-fixtures.ts';

const SEVERITY: Record<CanaryVerdictValue, number> = { healthy: 0, inconclusive: 1, unhealthy: 2 };
const arb = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  n: fc.integer({ min: 10, max: 80 }),
  shift: fc.double({ min: 0.6, max: 1.8, noNaN: true }),
  direction: fc.constantFrom('increase' as const, 'decrease' as const, 'either' as const),
});
const pair = (seed: number, n: number, shift: number) => ({
  canary: latencies(seed, n, 0.1 * shift),
  baseline: latencies(seed + 7, n),
});
const verdictOf = (canary: number[], baseline: number[], direction: 'increase' | 'decrease' | 'either') =>
  judgeCanary(once([series(canary, baseline, { direction })])).verdict;
const flip = { increase: 'decrease', decrease: 'increase', either: 'either' } as const;

describe('judge properties', () => {
  it('scale equivariance: ×10^k on both tracks keeps the verdict and the ratio', () => {
    fc.assert(
      fc.property(arb, fc.integer({ min: -6, max: 6 }), ({ seed, n, shift, direction }, k) => {
        const { canary, baseline } = pair(seed, n, shift);
        const s = 10 ** k;
        const a = judgeCanary(once([series(canary, baseline, { direction })]));
        const b = judgeCanary(
          once([
            series(
              canary.map((v) => v * s),
              baseline.map((v) => v * s),
              { direction },
            ),
          ]),
        );
        expect(b.verdict).toBe(a.verdict);
        expect(b.metrics[0]?.tests[0]?.effect.estimate as number).toBeCloseTo(
          a.metrics[0]?.tests[0]?.effect.estimate as number,
          9,
        );
      }),
      { numRuns: 60 },
    );
  });

  it('shift equivariance: on the linear scale with an absolute margin, adding c to both tracks keeps the verdict', () => {
    fc.assert(
      fc.property(arb, fc.integer({ min: -20, max: 20 }), ({ seed, n, shift, direction }, c) => {
        const { canary, baseline } = pair(seed, n, shift);
        const cfg = { direction, scale: 'linear' as const, margin: 0, absoluteMargin: 0.01 };
        const a = judgeCanary(once([series(canary, baseline, cfg)]));
        const b = judgeCanary(
          once([
            series(
              canary.map((v) => v + c / 8),
              baseline.map((v) => v + c / 8),
              cfg,
            ),
          ]),
        );
        expect(b.verdict).toBe(a.verdict);
      }),
      { numRuns: 60 },
    );
  });

  it('swapping canary and baseline: the same verdict for either, and for the flipped direction', () => {
    fc.assert(
      fc.property(arb, ({ seed, n, shift, direction }) => {
        const { canary, baseline } = pair(seed, n, shift);
        expect(verdictOf(baseline, canary, flip[direction])).toBe(verdictOf(canary, baseline, direction));
      }),
      { numRuns: 80 },
    );
  });

  it('monotonicity: a larger injected regression never lowers severity', () => {
    fc.assert(
      fc.property(arb, fc.double({ min: 1, max: 3, noNaN: true }), ({ seed, n, shift }, more) => {
        const { canary, baseline } = pair(seed, n, shift);
        const worse = canary.map((v) => v * more);
        expect(SEVERITY[verdictOf(worse, baseline, 'increase')]).toBeGreaterThanOrEqual(
          SEVERITY[verdictOf(canary, baseline, 'increase')],
        );
      }),
      { numRuns: 80 },
    );
  });

  it('determinism: identical input gives identical bytes, and the trace is canonical JSON', () => {
    fc.assert(
      fc.property(arb, ({ seed, n, shift, direction }) => {
        const { canary, baseline } = pair(seed, n, shift);
        const input = once([series(canary, baseline, { direction }), series('empty', baseline)]);
        expect(canonicalJson(judgeCanary(input))).toBe(canonicalJson(judgeCanary(structuredClone(input))));
      }),
      { numRuns: 30 },
    );
  });
});
