/** The dependence estimator that sizes the judge's blocks (CANARY.md §6.2.7; docs/canary-judge.md). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseBlockSize } from '../../../../../src/core/canary/judge/choose-block-size.ts';
import { pooledRankLag1 } from '../../../../../src/core/canary/judge/pooled-rank-lag1.ts';
import { resolveJudgeOptions } from '../../../../../src/core/canary/judge/resolve-judge-options.ts';
import { effectiveBlockSize } from '../../../../../src/core/canary/stats/effective-block-size.ts';
import { normals } from './judge-fixtures.ts';

/** A stationary Gaussian AR(1) series with unit variance. */
function ar1(seed: number, n: number, rho: number): number[] {
  const z = normals(seed, n);
  const out: number[] = [z[0] as number];
  for (let i = 1; i < n; i += 1) out.push(rho * (out[i - 1] as number) + Math.sqrt(1 - rho * rho) * (z[i] as number));
  return out;
}

describe('pooledRankLag1: worked examples', () => {
  it('one track: raw r₁ of the ranks, Kendall’s (1 + 4r)/n, upper bound + z/√n', () => {
    // Ranks 1…5, centred −2…2: r₁ = (−2·−1 + −1·0 + 0·1 + 1·2)/10 = 0.4; 0.4 + 2.6/5 = 0.92.
    const r = pooledRankLag1([[10, 20, 30, 40, 50]]);
    expect(r.raw).toBeCloseTo(0.4, 15);
    expect(r.estimate).toBeCloseTo(0.92, 15);
    expect(r.upper).toBe(1);
    expect(r.points).toBe(5);
  });
  it('ties get average ranks; alternating values give r₁ = −5/6, clamped at −1 after correction', () => {
    const r = pooledRankLag1([[7, -3, 7, -3, 7, -3]]);
    expect(r.raw).toBeCloseTo(-5 / 6, 15);
    expect(r.estimate).toBe(-1);
  });
  it('two tracks pool numerator and denominator and correct once per track: 2(1 + 4r)/N', () => {
    const r = pooledRankLag1([
      [1, 2, 3, 4, 5],
      [9, 8, 7, 6, 5],
    ]);
    expect(r.raw).toBeCloseTo(0.4, 15);
    expect(r.estimate).toBeCloseTo(0.4 + (2 * 2.6) / 10, 15);
    expect(r.points).toBe(10);
  });
  it('a fitted line costs one more 1/n per track (detrended)', () => {
    const v = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8];
    const plain = pooledRankLag1([v]);
    const detrended = pooledRankLag1([v], { detrended: true });
    expect(detrended.estimate - plain.estimate).toBeCloseTo(1 / v.length, 15);
    // 0.4 + (2 + 1.6)/5 = 1.12 is clamped to 1.
    expect(pooledRankLag1([[1, 2, 3, 4, 5]], { detrended: true }).estimate).toBe(1);
  });
  it('the upper bound is estimate + Φ⁻¹(confidence)/√N, at most 1', () => {
    const v = ar1(11, 200, 0);
    const r = pooledRankLag1([v], { confidence: 0.975 });
    expect(r.upper).toBeCloseTo(r.estimate + 1.959963984540054 / Math.sqrt(200), 12);
    expect(pooledRankLag1([v], { confidence: 0.5 }).upper).toBeCloseTo(r.estimate, 15);
    expect(pooledRankLag1([v]).upper).toBe(r.upper);
  });
  it('tracks under 3 points are skipped; no variation at all gives zeros', () => {
    expect(pooledRankLag1([])).toEqual({ raw: 0, estimate: 0, upper: 0, points: 0 });
    expect(pooledRankLag1([[1, 2]])).toEqual({ raw: 0, estimate: 0, upper: 0, points: 0 });
    expect(pooledRankLag1([[4, 4, 4, 4]])).toEqual({ raw: 0, estimate: 0, upper: 0, points: 4 });
    // A constant track adds its points (and a bias term) but no correlation: 0.4 + 2·2.6/10.
    expect(
      pooledRankLag1([
        [4, 4, 4, 4, 4],
        [1, 2, 3, 4, 5],
      ]).estimate,
    ).toBeCloseTo(0.4 + (2 * 2.6) / 10, 15);
    expect(
      pooledRankLag1([
        [1, 2],
        [10, 20, 30, 40, 50],
      ]),
    ).toEqual(pooledRankLag1([[10, 20, 30, 40, 50]]));
  });
  it('recovers AR(1) dependence through heavy tails: ρ = 0, 0.5, 0.8, 2 × 300 points', () => {
    for (const [rho, seed] of [
      [0, 3],
      [0.5, 5],
      [0.8, 7],
    ] as const) {
      const heavy = (v: number[]) => v.map((z) => Math.sinh(4 * z) ** 3); // increasing, very heavy tails
      const r = pooledRankLag1([heavy(ar1(seed, 300, rho)), heavy(ar1(seed + 1, 300, rho))]);
      // The ranks' lag-1 correlation of a Gaussian AR(1) is (6/π)·asin(ρ/2): 0, 0.483, 0.786.
      expect(Math.abs(r.estimate - (6 / Math.PI) * Math.asin(rho / 2))).toBeLessThan(0.08);
      expect(r.upper).toBeGreaterThan(r.estimate);
    }
  });
});

const integerSeries = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 3, maxLength: 80 });

describe('pooledRankLag1: properties', () => {
  it('invariant under strictly increasing transforms of the values (it sees only ranks)', () => {
    fc.assert(
      fc.property(integerSeries, integerSeries, (a, b) => {
        const base = pooledRankLag1([a, b]);
        for (const f of [(x: number) => Math.exp(x / 100), (x: number) => x ** 3 + 7, (x: number) => 1e-6 * x - 3]) {
          expect(pooledRankLag1([a.map(f), b.map(f)])).toEqual(base);
        }
      }),
    );
  });
  it('time reversal leaves it unchanged; the track order does not matter', () => {
    fc.assert(
      fc.property(integerSeries, integerSeries, (a, b) => {
        const base = pooledRankLag1([a, b]);
        expect(pooledRankLag1([[...a].reverse(), [...b].reverse()]).raw).toBeCloseTo(base.raw, 12);
        expect(pooledRankLag1([b, a]).raw).toBeCloseTo(base.raw, 12);
      }),
    );
  });
  it('raw ∈ [−1, 1], estimate ∈ [−1, 1], upper ≥ estimate', () => {
    fc.assert(
      fc.property(integerSeries, (a) => {
        const r = pooledRankLag1([a]);
        expect(Math.abs(r.raw)).toBeLessThanOrEqual(1 + 1e-12);
        expect(Math.abs(r.estimate)).toBeLessThanOrEqual(1);
        expect(r.upper).toBeGreaterThanOrEqual(r.estimate);
      }),
    );
  });
});

describe('chooseBlockSize: blocks from the upper bound of the pooled estimate', () => {
  const o = resolveJudgeOptions({});
  it('independent tracks stay unblocked or nearly so; AR(1) 0.5 and 0.8 get blocks of ≥ 5 and ≥ 15', () => {
    const iid = chooseBlockSize(ar1(21, 240, 0), ar1(22, 240, 0), o);
    expect(iid.blockSize).toBeLessThanOrEqual(2);
    const half = chooseBlockSize(ar1(23, 240, 0.5), ar1(24, 240, 0.5), o);
    expect(half.blockSize).toBeGreaterThanOrEqual(5);
    const strong = chooseBlockSize(ar1(25, 240, 0.8), ar1(26, 240, 0.8), o);
    expect(strong.blockSize).toBeGreaterThanOrEqual(15);
    expect(strong.dependence.upper).toBeGreaterThan(strong.dependence.pooled);
    // The rank-scale bound goes back to the AR(1) (Pearson) scale: 2·sin(π·r/6), the inverse of Spearman's relation.
    for (const d of [half, strong]) {
      expect(d.blockSize).toBe(
        effectiveBlockSize(2 * Math.sin((Math.PI * d.dependence.upper) / 6), { threshold: 0.2, maxBlockSize: 60 }),
      );
    }
    expect(strong.dependence.effectiveSamples).toBeCloseTo(
      (240 * (1 - strong.dependence.pooled)) / (1 + strong.dependence.pooled),
      12,
    );
  });
  it('keeps at least `minBlocks` blocks, and short tracks are not blocked', () => {
    const a = ar1(27, 30, 0.95);
    const b = ar1(28, 30, 0.95);
    expect(chooseBlockSize(a, b, o).blockSize).toBe(15);
    expect(chooseBlockSize(a, b, o, { minBlocks: 3 }).blockSize).toBe(10);
    expect(chooseBlockSize(a.slice(0, 19), b.slice(0, 19), o).blockSize).toBe(1);
  });
});
