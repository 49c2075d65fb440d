/** The normal CDF and quantile against SciPy's `ndtr` / `ndtri` (Cephes). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../../../../src/core/canary/stats/normal-cdf.ts';
import { normalQuantile } from '../../../../../src/core/canary/stats/normal-quantile.ts';
import { closeRel } from './mulberry-sample.ts';

const fixture = JSON.parse(
  readFileSync(new URL('../../../../../test/fixtures/canary/scipy/normal.json', import.meta.url), 'utf8'),
) as { cdf: [number, number][]; ppf: [number, number][] };

describe('normalCdf and normalQuantile agree with SciPy to 1e-12 relative', () => {
  it('Φ on a grid over [−38.4, 38.4], both tails', () => {
    const bad = fixture.cdf.filter(([x, want]) => !closeRel(normalCdf(x), want));
    expect(bad).toEqual([]);
    expect(fixture.cdf.length).toBeGreaterThan(300);
  });
  it('Φ⁻¹ on a grid over (0, 1) down to 1e-295', () => {
    const bad = fixture.ppf.filter(([p, want]) => !closeRel(normalQuantile(p), want));
    expect(bad).toEqual([]);
  });
  it('edges: infinities, NaN, symmetry', () => {
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.NaN)).toBeNaN();
    expect(normalCdf(0)).toBe(0.5);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
    // The upper tail is computed directly, not as 1 − Φ: it keeps its relative accuracy far out.
    expect(normalCdf(-20)).toBeGreaterThan(2.75e-89);
    expect(normalCdf(-20)).toBeLessThan(2.76e-89);
  });
});
