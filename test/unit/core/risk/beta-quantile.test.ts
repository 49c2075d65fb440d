/**
 * The beta functions against SciPy 1.10.1 (Debian python3-scipy), vectors produced by:
 *
 *   /usr/bin/python3 -c '
 *   import json; from scipy.stats import beta; from scipy.special import betainc
 *   for a, b in PARAMS:
 *     print(json.dumps({"a": a, "b": b, "q05": beta.ppf(0.05, a, b), "q50": beta.ppf(0.5, a, b),
 *       "q95": beta.ppf(0.95, a, b), "cdf": [[x, betainc(a, b, x)] for x in (0.001, 0.01, 0.1, 0.5)]}))'
 *
 * PARAMS: the framework's priors (code 1/10000, narrow ML 5/200, LLM 8/80, defection 1/1000 and
 * 2/200), the seed's recentred priors, trust-calibration's posteriors (59/4, 105/5) and small shapes.
 */
import { describe, expect, it } from 'vitest';
import { awayFromZero, TINY } from '../../../../src/core/risk/away-from-zero.ts';
import { betaMean } from '../../../../src/core/risk/beta-mean.ts';
import { betaQuantile } from '../../../../src/core/risk/beta-quantile.ts';
import { logGamma } from '../../../../src/core/risk/log-gamma.ts';
import { regularizedIncompleteBeta } from '../../../../src/core/risk/regularized-incomplete-beta.ts';

interface Vector {
  a: number;
  b: number;
  q05: number;
  q50: number;
  q95: number;
  cdf: [number, number][];
}

// biome-ignore format: one vector per line, as SciPy printed them.
const SCIPY: Vector[] = [
  {"a": 1, "b": 10000, "q05": 5.1293162837673e-06, "q50": 6.931231584642808e-05, "q95": 0.00029952835977661195, "cdf": [[0.001, 0.9999548266540227], [0.01, 0.9999999999999999], [0.1, 0.9999999999999999], [0.5, 0.9999999999999999]]},
  {"a": 5, "b": 200, "q05": 0.009706121778696985, "q50": 0.02285900119579239, "q95": 0.044305765668550885, "cdf": [[0.001, 2.374891515008604e-06], [0.01, 0.05540973034281851], [0.1, 0.9999940427582239], [0.5, 0.9999999999999999]]},
  {"a": 8, "b": 80, "q05": 0.04658064917501581, "q50": 0.08781405712561827, "q95": 0.1458159140094805, "cdf": [[0.001, 5.447094930114064e-14], [0.01, 2.895500424797543e-06], [0.1, 0.6510709215611985], [0.5, 0.9999999999999999]]},
  {"a": 1, "b": 1000, "q05": 5.129197890901781e-05, "q50": 0.0006929070095474781, "q95": 0.0029912495450952954, "cdf": [[0.001, 0.632304575229665], [0.01, 0.9999568287525893], [0.1, 0.9999999999999999], [0.5, 0.9999999999999999]]},
  {"a": 2, "b": 200, "q05": 0.0017708130330707091, "q50": 0.008335910522964124, "q95": 0.023382650266527985, "cdf": [[0.001, 0.017621404625638104], [0.01, 0.5980609754260956], [0.1, 0.9999999851843339], [0.5, 0.9999999999999999]]},
  {"a": 2.05, "b": 202.95, "q05": 0.0018442488707126987, "q50": 0.008456629032066242, "q95": 0.02343290955482482, "cdf": [[0.001, 0.015946986629098863], [0.01, 0.5915037816852087], [0.1, 0.9999999874467209], [0.5, 0.9999999999999999]]},
  {"a": 0.5, "b": 49.5, "q05": 3.9918891311803416e-05, "q50": 0.004607926147973746, "q95": 0.03824778689273343, "cdf": [[0.001, 0.24642404038978213], [0.01, 0.6802515258606985], [0.1, 0.9987251615280164], [0.5, 0.9999999999999999]]},
  {"a": 0.1, "b": 9.9, "q05": 6.2729923409346075e-15, "q50": 6.276178241663686e-05, "q95": 0.05953276920664546, "cdf": [[0.001, 0.658979233983339], [0.01, 0.8236952468040373], [0.1, 0.9757380929138906], [0.5, 0.9999759011111476]]},
  {"a": 50.005, "b": 9950.995, "q05": 0.0038988736333841678, "q50": 0.0049670407889752625, "q95": 0.00621356615288176, "cdf": [[0.001, 1.7005388200762357e-19], [0.01, 0.99999998964997], [0.1, 0.9999999999999999], [0.5, 0.9999999999999999]]},
  {"a": 59, "b": 4, "q05": 0.879663820392464, "q50": 0.9410931033891109, "q95": 0.9776645269904576, "cdf": [[0.001, 3.770854070401005e-173], [0.01, 3.671524801000006e-114], [0.1, 2.7724510000000094e-55], [0.5, 8.624611441687689e-15]]},
  {"a": 105, "b": 5, "q05": 0.9179927515315207, "q50": 0.9572792460042304, "q95": 0.9817537659558057, "cdf": [[0.001, 5.54124066396065e-309], [0.01, 5.346074277725964e-204], [0.1, 3.6654009445000225e-99], [0.5, 8.904238193547022e-27]]},
  {"a": 0.88, "b": 87.12, "q05": 0.00036843422814919084, "q50": 0.006612216808085088, "q95": 0.031191651754484562, "cdf": [[0.001, 0.11739017680990042], [0.01, 0.6385482294554446], [0.1, 0.9999275345583992], [0.5, 0.9999999999999999]]},
  {"a": 1, "b": 1, "q05": 0.05, "q50": 0.5, "q95": 0.95, "cdf": [[0.001, 0.001], [0.01, 0.01], [0.1, 0.1], [0.5, 0.5]]},
  {"a": 2, "b": 3, "q05": 0.09761146288641434, "q50": 0.3857275681323895, "q95": 0.7513953742698181, "cdf": [[0.001, 5.992003e-06], [0.01, 0.00059203], [0.1, 0.05230000000000001], [0.5, 0.6875]]},
  {"a": 0.3, "b": 0.7, "q05": 7.660738053881493e-05, "q50": 0.15877468697850153, "q95": 0.9435739428608337, "cdf": [[0.001, 0.10807284733274035], [0.01, 0.21576857250318618], [0.1, 0.43331004733423445], [0.5, 0.7275715592700521]]},
  {"a": 3.5, "b": 20.25, "q05": 0.04921475152784228, "q50": 0.1374247753101461, "q95": 0.27963420945384115, "cdf": [[0.001, 1.2298268949238313e-07], [0.01, 0.0003398714269481948], [0.1, 0.2821252927000581], [0.5, 0.9998911076614366]]},
];

/** Relative closeness, with an absolute floor for values that are (almost) 0 or 1. */
const close = (got: number, want: number, rel: number): boolean =>
  Math.abs(got - want) <= rel * Math.abs(want) || Math.abs(got - want) <= 1e-15;

describe('regularizedIncompleteBeta agrees with scipy.special.betainc', () => {
  it.each(SCIPY.map((v) => [`beta(${v.a}, ${v.b})`, v] as const))('%s', (_name, v) => {
    for (const [x, want] of v.cdf) {
      const got = regularizedIncompleteBeta(x, v.a, v.b);
      expect(close(got, want, 1e-9), `I_${x} = ${got}, SciPy ${want}`).toBe(true);
    }
  });

  it('is 0 at and below 0, 1 at and above 1', () => {
    expect([-1, 0, 1, 2].map((x) => regularizedIncompleteBeta(x, 2, 3))).toEqual([0, 0, 1, 1]);
  });
});

describe('betaQuantile agrees with scipy.stats.beta.ppf', () => {
  it.each(SCIPY.map((v) => [`beta(${v.a}, ${v.b})`, v] as const))('%s', (_name, v) => {
    for (const [q, want] of [
      [0.05, v.q05],
      [0.5, v.q50],
      [0.95, v.q95],
    ] as const) {
      const got = betaQuantile({ alpha: v.a, beta: v.b }, q);
      expect(close(got, want, 1e-9), `ppf(${q}) = ${got}, SciPy ${want}`).toBe(true);
    }
  });

  it('is 0 at q = 0 and 1 at q = 1', () => {
    expect(betaQuantile({ alpha: 2, beta: 3 }, 0)).toBe(0);
    expect(betaQuantile({ alpha: 2, beta: 3 }, 1)).toBe(1);
  });

  it.each([
    [{ alpha: 0, beta: 1 }, 0.5],
    [{ alpha: 1, beta: Number.POSITIVE_INFINITY }, 0.5],
    [{ alpha: 1, beta: 1 }, 1.5],
    [{ alpha: 1, beta: 1 }, Number.NaN],
  ])('throws on a bug: %o at %d', (distribution, q) => {
    expect(() => betaQuantile(distribution, q)).toThrow(RangeError);
  });
});

describe('logGamma and betaMean', () => {
  it('knows Γ(1) = Γ(2) = 1, Γ(1/2) = √π, Γ(5) = 24, and 10000! by Stirling', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 13); // scipy.special.gammaln(0.1)
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(10001)).toBeCloseTo(82108.92783681436, 8); // scipy.special.gammaln(10001)
  });

  it('gives the framework priors their stated means', () => {
    expect(betaMean({ alpha: 1, beta: 10000 })).toBeCloseTo(0.0001, 6);
    expect(betaMean({ alpha: 5, beta: 200 })).toBeCloseTo(0.024, 3);
    expect(betaMean({ alpha: 8, beta: 80 })).toBeCloseTo(0.091, 3);
  });
});

describe('awayFromZero', () => {
  it('keeps a denominator away from zero, keeping its value otherwise', () => {
    expect(awayFromZero(0)).toBe(TINY);
    expect(awayFromZero(-1e-310)).toBe(TINY);
    expect(awayFromZero(-2)).toBe(-2);
    expect(awayFromZero(1e-200)).toBe(1e-200);
  });
});
