/**
 * The update rule on worked examples, computed by hand in the comments, and its invariants.
 * A month is 365.25 / 12 = 30.4375 days.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betaMean } from '../../../../src/core/risk/beta-mean.ts';
import { DAYS_PER_MONTH, posteriorOf } from '../../../../src/core/risk/posterior-of.ts';
import { priorFor } from '../../../../src/core/risk/prior-for.ts';
import type { BetaPrior, HarmRecord } from '../../../../src/core/risk/risk-types.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 1);
const ago = (days: number) => NOW - days * DAY;
const noDecay = { halfLifeDays: Number.POSITIVE_INFINITY, now: NOW };

describe('posteriorOf: worked examples', () => {
  it("the seed's canary after a year with one bad deploy approved: P 0.01 → 0.0141", () => {
    // Prior: narrow model, strength 205, mean 0.01 → beta(2.05, 202.95).
    // Record: 12 months, 1 incident, no decay → f = 1, n = 12, successes 11.
    // Posterior beta(2.05 + 1, 202.95 + 11) = beta(3.05, 213.95); mean 3.05 / 217 = 0.0140553.
    // Risk: 0.0140553 × $30,000 = $421.66 a month, over the $300 budget.
    const prior = priorFor('narrow_model', 'accident', 0.01);
    const record: HarmRecord = { kind: 'per_month', since: ago(12 * DAYS_PER_MONTH), incidents: [{ at: ago(10) }] };
    const posterior = posteriorOf(prior, record, noDecay);
    expect(posterior.alpha).toBeCloseTo(3.05, 12);
    expect(posterior.beta).toBeCloseTo(213.95, 9);
    expect(posterior.trials).toBeCloseTo(12, 12);
    expect(posterior.failures).toBe(1);
    expect(betaMean(posterior)).toBeCloseTo(0.0140553, 7);
    expect(betaMean(posterior) * 30_000).toBeCloseTo(421.66, 2);
  });

  it("the framework's LLM code reviewer: 100 good reviews and 2 failures move beta(8, 80) to beta(10, 180)", () => {
    // probability-priors.md: "With 100 successful reviews, 2 failures observed". Per review, no
    // decay: n = 102, f = 2 → beta(8 + 2, 80 + 100); mean 10 / 190 = 0.0526 (prior 8 / 88 = 0.0909).
    const record: HarmRecord = {
      kind: 'per_opportunity',
      opportunities: Array.from({ length: 102 }, () => NOW),
      incidents: [{ at: NOW }, { at: NOW }],
    };
    const posterior = posteriorOf({ alpha: 8, beta: 80 }, record, noDecay);
    expect(posterior).toEqual({ alpha: 10, beta: 180, failures: 2, trials: 102 });
    expect(betaMean(posterior)).toBeCloseTo(0.0526316, 7);
  });

  it('weighs recent events more: half-life 30 days, an adversarial failure counts 3×', () => {
    // Incidents: one 30 days ago → 0.5; one adversarial 60 days ago → 3 × 0.25 = 0.75; f = 1.25.
    // Opportunities today, 30 and 60 days ago → 1 + 0.5 + 0.25 = 1.75 = n.
    // Prior beta(1, 10000) → beta(1 + 1.25, 10000 + (1.75 − 1.25)) = beta(2.25, 10000.5).
    const record: HarmRecord = {
      kind: 'per_opportunity',
      opportunities: [NOW, ago(30), ago(60)],
      incidents: [{ at: ago(30) }, { at: ago(60), adversarial: true }],
    };
    const posterior = posteriorOf({ alpha: 1, beta: 10_000 }, record, { halfLifeDays: 30, now: NOW });
    expect(posterior.failures).toBeCloseTo(1.25, 12);
    expect(posterior.trials).toBeCloseTo(1.75, 12);
    expect(posterior.alpha).toBeCloseTo(2.25, 12);
    expect(posterior.beta).toBeCloseTo(10_000.5, 9);
  });

  it('counts decayed months: 30 days observed with a 30-day half-life are 0.711 months', () => {
    // ∫₀³⁰ 0.5^(a/30) da = (30 / ln 2)(1 − 0.5) = 21.640 days = 21.640 / 30.4375 = 0.71098 months.
    const record: HarmRecord = { kind: 'per_month', since: ago(30), incidents: [] };
    const posterior = posteriorOf({ alpha: 1, beta: 99 }, record, { halfLifeDays: 30, now: NOW });
    expect(posterior.trials).toBeCloseTo(0.7109791, 7);
    expect(posterior.beta).toBeCloseTo(99.7109791, 7);
  });

  it('adds no successes when failures outnumber the trials (two incidents in a fortnight)', () => {
    const record: HarmRecord = { kind: 'per_month', since: ago(14), incidents: [{ at: ago(3) }, { at: ago(1) }] };
    const posterior = posteriorOf({ alpha: 0.5, beta: 49.5 }, record, noDecay);
    expect(posterior.alpha).toBe(2.5);
    expect(posterior.beta).toBe(49.5);
  });

  it('ignores what has not happened yet, and a record that starts in the future', () => {
    const future: HarmRecord = {
      kind: 'per_opportunity',
      opportunities: [NOW + DAY],
      incidents: [{ at: NOW + DAY, adversarial: true }],
    };
    expect(posteriorOf({ alpha: 1, beta: 9 }, future, noDecay)).toEqual({ alpha: 1, beta: 9, failures: 0, trials: 0 });
    const later: HarmRecord = { kind: 'per_month', since: NOW + DAY, incidents: [] };
    expect(posteriorOf({ alpha: 1, beta: 9 }, later, { halfLifeDays: 30, now: NOW }).trials).toBe(0);
  });
});

const prior = fc.record({
  alpha: fc.double({ min: 0.01, max: 1000, noNaN: true }),
  beta: fc.double({ min: 0.01, max: 20_000, noNaN: true }),
});
const ages = fc.array(fc.double({ min: 0, max: 400, noNaN: true }), { maxLength: 30 });
const halfLife = fc.oneof(fc.double({ min: 1, max: 365, noNaN: true }), fc.constant(Number.POSITIVE_INFINITY));
const record = fc
  .record({ opportunities: ages, incidents: ages, adversarial: fc.array(fc.boolean(), { maxLength: 30 }) })
  .map(
    ({ opportunities, incidents, adversarial }): HarmRecord => ({
      kind: 'per_opportunity',
      opportunities: opportunities.map((a) => NOW - a * DAY),
      incidents: incidents.map((a, i) => ({ at: NOW - a * DAY, adversarial: adversarial[i] === true })),
    }),
  );

describe('posteriorOf: properties', () => {
  it('adding an incident never lowers P', () => {
    fc.assert(
      fc.property(prior, record, halfLife, fc.double({ min: 0, max: 400, noNaN: true }), (p, r, h, age) => {
        const options = { halfLifeDays: h, now: NOW };
        const before = betaMean(posteriorOf(p, r, options));
        const worse: HarmRecord = { ...r, incidents: [...r.incidents, { at: NOW - age * DAY }] };
        expect(betaMean(posteriorOf(p, worse, options))).toBeGreaterThanOrEqual(before * (1 - 1e-12));
      }),
    );
  });

  it('the posterior mean lies between the prior mean and the observed rate', () => {
    fc.assert(
      fc.property(prior, record, halfLife, (p: BetaPrior, r, h) => {
        const posterior = posteriorOf(p, r, { halfLifeDays: h, now: NOW });
        const mean = betaMean(posterior);
        const priorMean = betaMean(p);
        // Failures beyond the trials (incidents without counted opportunities) observe a rate of 1.
        const observed =
          posterior.failures >= posterior.trials && posterior.failures > 0
            ? 1
            : posterior.trials > 0
              ? posterior.failures / posterior.trials
              : priorMean;
        const slack = 1e-12;
        expect(mean).toBeGreaterThanOrEqual(Math.min(priorMean, observed) - slack);
        expect(mean).toBeLessThanOrEqual(Math.max(priorMean, observed) + slack);
      }),
    );
  });
});
