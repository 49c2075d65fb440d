/** Invariants of the canary statistics primitives, by fast-check. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactRateRatioTest } from '../../../../../src/core/canary/stats/exact-rate-ratio-test.ts';
import { hodgesLehmannShift } from '../../../../../src/core/canary/stats/hodges-lehmann-shift.ts';
import { holm } from '../../../../../src/core/canary/stats/holm.ts';
import { mannWhitneyU } from '../../../../../src/core/canary/stats/mann-whitney-u.ts';
import { mosesInterval } from '../../../../../src/core/canary/stats/moses-interval.ts';
import { pairwiseDifferenceOrderStatistic } from '../../../../../src/core/canary/stats/pairwise-difference-order-statistic.ts';
import { pooledRanks } from '../../../../../src/core/canary/stats/pooled-ranks.ts';
import { sortedFinite } from '../../../../../src/core/canary/stats/sorted-finite.ts';
import { theilSenSlope } from '../../../../../src/core/canary/stats/theil-sen-slope.ts';
import { bruteDifferences, bruteHodgesLehmann } from './mulberry-sample.ts';

/** Dyadic values k/1024 with |k| < 2^20: every sum and difference and halving below is exact. */
const dyadic = fc.integer({ min: -(2 ** 20), max: 2 ** 20 }).map((k) => k / 1024);
const sample = (min: number, max: number) => fc.array(dyadic, { minLength: min, maxLength: max });
/** Any finite doubles, including ties (small integer pool) and wide magnitudes. */
const anyValue = fc.oneof(
  fc
    .double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 })
    .filter((v) => v === 0 || Math.abs(v) > 1e-280),
  fc.integer({ min: -3, max: 3 }),
);
/** True when x pooled with y has the same ties as x pooled with y2. */
function sameTies(x: readonly number[], y: readonly number[], y2: readonly number[]): boolean {
  const a = pooledRanks(sortedFinite(x, 'x'), sortedFinite(y, 'y'));
  const b = pooledRanks(sortedFinite(x, 'x'), sortedFinite(y2, 'y'));
  return a.hasTies === b.hasTies && a.tieTerm === b.tieTerm;
}

/** −0 and +0 are the same shift; compare them as equal. */
const z = (v: number): number => v + 0;
const anySample = (min: number, max: number) => fc.array(anyValue, { minLength: min, maxLength: max });

describe('Hodges–Lehmann and Moses', () => {
  it('selection equals the brute-force order statistic for every k (sizes up to 40×40)', () => {
    fc.assert(
      fc.property(anySample(1, 40), anySample(1, 40), fc.double({ min: 0, max: 1, noNaN: true }), (x, y, u) => {
        const d = bruteDifferences(x, y);
        const k = 1 + Math.min(d.length - 1, Math.floor(u * d.length));
        const xs = Float64Array.from(x).sort();
        const ys = Float64Array.from(y).sort();
        expect(pairwiseDifferenceOrderStatistic(xs, ys, k)).toBe(d[k - 1]);
      }),
      { numRuns: 300 },
    );
  });

  it('HL equals the brute-force median to the bit (random sizes up to 300×300)', () => {
    fc.assert(
      fc.property(anySample(1, 300), anySample(1, 300), (x, y) => {
        expect(hodgesLehmannShift(x, y)).toBe(bruteHodgesLehmann(x, y));
      }),
      { numRuns: 60 },
    );
  });

  it('shift equivariance: HL(x, y + c) = HL(x, y) + c and the interval moves by c, exactly', () => {
    fc.assert(
      fc.property(sample(1, 30), sample(1, 30), dyadic, (x, y, c) => {
        const yc = y.map((v) => v + c);
        expect(z(hodgesLehmannShift(x, yc))).toBe(z(hodgesLehmannShift(x, y) + c));
        // Shifting y alone can create or remove ties between the samples, which (as in SciPy and R)
        // switches the interval from the exact to the tie-corrected normal method: the interval moves
        // by c exactly when the pooled tie structure stays the same. (Found by seed 227985306 on 3×3
        // samples; the judge's small-sample guard is minAttainableP, which depends on n and m only.)
        if (sameTies(x, y, yc)) {
          const a = mosesInterval(x, y, 0.9);
          const b = mosesInterval(x, yc, 0.9);
          expect(z(b.lower)).toBe(z(a.lower + c));
          expect(z(b.upper)).toBe(z(a.upper + c));
        }
        expect(
          z(
            hodgesLehmannShift(
              x.map((v) => v + c),
              yc,
            ),
          ),
        ).toBe(z(hodgesLehmannShift(x, y)));
      }),
    );
  });

  it('scale equivariance: exact for powers of two, to rounding for ×10^k', () => {
    fc.assert(
      fc.property(anySample(1, 30), anySample(1, 30), fc.integer({ min: -20, max: 20 }), (x, y, e) => {
        const s = 2 ** e;
        const hl = hodgesLehmannShift(x, y);
        expect(
          z(
            hodgesLehmannShift(
              x.map((v) => v * s),
              y.map((v) => v * s),
            ),
          ),
        ).toBe(z(hl * s));
        const a = mosesInterval(x, y, 0.95);
        const b = mosesInterval(
          x.map((v) => v * s),
          y.map((v) => v * s),
          0.95,
        );
        expect([b.lower, b.upper, b.k].map(z)).toEqual([a.lower * s, a.upper * s, a.k].map(z));
      }),
    );
    fc.assert(
      fc.property(sample(2, 30), sample(2, 30), fc.integer({ min: -6, max: 6 }), (x, y, e) => {
        const s = 10 ** e;
        const hl = hodgesLehmannShift(x, y);
        const scaled = hodgesLehmannShift(
          x.map((v) => v * s),
          y.map((v) => v * s),
        );
        expect(Math.abs(scaled - hl * s)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(hl)) * s);
      }),
    );
  });

  it('swapping x and y negates the shift and mirrors the interval, exactly', () => {
    fc.assert(
      fc.property(anySample(1, 40), anySample(1, 40), fc.constantFrom(0.8, 0.9, 0.95, 0.98), (x, y, conf) => {
        expect(z(hodgesLehmannShift(y, x))).toBe(z(-hodgesLehmannShift(x, y)));
        const a = mosesInterval(x, y, conf);
        const b = mosesInterval(y, x, conf);
        expect([b.lower, b.upper, b.k].map(z)).toEqual([-a.upper, -a.lower, a.k].map(z));
        expect(a.lower).toBeLessThanOrEqual(a.upper);
      }),
    );
  });

  it('exact duality: 0 lies outside the exact Moses interval iff the exact two-sided p ≤ α', () => {
    const untied = fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 20 });
    fc.assert(
      fc.property(untied, fc.integer({ min: 1, max: 8 }), fc.constantFrom(0.8, 0.9, 0.95, 0.98), (pool, nx, conf) => {
        fc.pre(nx < pool.length);
        const x = pool.slice(0, nx).map((v) => v + 0.5); // differences are never 0
        const y = pool.slice(nx);
        const ci = mosesInterval(x, y, conf);
        const p = mannWhitneyU(x, y).pValue;
        expect(ci.method).toBe('exact');
        expect(ci.lower > 0 || ci.upper < 0).toBe(p <= 1 - conf);
      }),
    );
  });
});

describe('p-values', () => {
  it('Mann-Whitney p-values lie in [0, 1] for every method and alternative', () => {
    fc.assert(
      fc.property(
        anySample(1, 25),
        anySample(1, 25),
        fc.constantFrom('two-sided', 'less', 'greater') as fc.Arbitrary<'two-sided' | 'less' | 'greater'>,
        fc.constantFrom('auto', 'exact', 'asymptotic') as fc.Arbitrary<'auto' | 'exact' | 'asymptotic'>,
        fc.boolean(),
        (x, y, alternative, method, useContinuity) => {
          const r = mannWhitneyU(x, y, { alternative, method, useContinuity });
          expect(r.pValue).toBeGreaterThanOrEqual(0);
          expect(r.pValue).toBeLessThanOrEqual(1);
          expect(r.u).toBeGreaterThanOrEqual(0);
          expect(r.u).toBeLessThanOrEqual(x.length * y.length);
        },
      ),
    );
  });

  it('rate-ratio p-values lie in [0, 1] and the interval contains the estimate', () => {
    fc.assert(
      fc.property(
        fc.nat(300),
        fc.integer({ min: 1, max: 1e6 }),
        fc.nat(300),
        fc.integer({ min: 1, max: 1e6 }),
        (ec, nc, eb, nb) => {
          const r = exactRateRatioTest(ec, nc, eb, nb, { confidence: 0.9 });
          for (const p of [r.pGreater, r.pLess, r.pTwoSided]) {
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(1);
          }
          expect(r.lower).toBeLessThanOrEqual(r.upper);
          if (r.totalErrors > 0) {
            expect(r.lower).toBeLessThanOrEqual(r.ratio * (1 + 1e-12));
            expect(r.upper).toBeGreaterThanOrEqual(r.ratio * (1 - 1e-12));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('Holm: adjusted ≥ raw, ≤ 1, and monotone in the raw order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 30 }), (ps) => {
        const adj = holm(ps);
        ps.forEach((p, i) => {
          expect(adj[i]).toBeGreaterThanOrEqual(p);
          expect(adj[i]).toBeLessThanOrEqual(1);
          ps.forEach((q, j) => {
            if (p <= q) expect(adj[i] as number).toBeLessThanOrEqual(adj[j] as number);
          });
        });
      }),
    );
  });
});

describe('determinism', () => {
  it('identical input gives identical output bytes', () => {
    fc.assert(
      fc.property(anySample(2, 60), anySample(1, 60), (x, y) => {
        const run = () =>
          JSON.stringify([
            mannWhitneyU(x, y),
            mannWhitneyU(x, y, { method: 'asymptotic', useContinuity: false }),
            hodgesLehmannShift(x, y),
            mosesInterval(x, y, 0.95),
            theilSenSlope(
              x.map((_, i) => i),
              x,
            ),
          ]);
        expect(run()).toBe(run());
        expect(run()).toBe(
          JSON.stringify([
            mannWhitneyU([...x], [...y]),
            mannWhitneyU([...x].reverse(), [...y].reverse(), { method: 'asymptotic', useContinuity: false }),
            hodgesLehmannShift([...x].reverse(), y),
            mosesInterval(x, [...y].reverse(), 0.95),
            theilSenSlope(
              x.map((_, i) => i),
              [...x],
            ),
          ]),
        );
      }),
      { numRuns: 50 },
    );
  });
});
