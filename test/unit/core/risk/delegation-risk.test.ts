/** Σ P × damage with 90 % intervals, and the system against its budget: the seed's numbers first. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { budgetStatus } from '../../../../src/core/risk/budget-status.ts';
import { delegationRisk } from '../../../../src/core/risk/delegation-risk.ts';
import type { RiskComponent } from '../../../../src/core/risk/risk-types.ts';
import { systemRisk } from '../../../../src/core/risk/system-risk.ts';
import { minimalDocument, validConfig } from '../../config/minimal-config.ts';

const seed = validConfig(stringify(minimalDocument())).risk;

describe("the seed's numbers, from the default configuration", () => {
  const risks = seed.components.map((c) => delegationRisk(c, {}));

  it("gives the canary the framework's worked example: P 0.01 × $30,000 = $300", () => {
    const canary = risks.find((r) => r.id === 'canary_analysis');
    expect(canary?.modes).toHaveLength(1);
    expect(canary?.modes[0]?.probability.mean).toBeCloseTo(0.01, 15);
    expect(canary?.risk.mean).toBe(300);
  });

  it('gives every component an expected risk equal to its budget', () => {
    expect(risks.map((r) => [r.id, r.risk.mean])).toEqual([
      ['static_analysis', 50],
      ['security_scanner', 200],
      ['code_reviewer', 500],
      ['tests', 100],
      ['fuzzer', 150],
      ['staging_deploy', 50],
      ['canary_analysis', 300],
      ['orchestrator', 100],
      ['production_deploy', 500],
    ]);
  });

  it('totals $1,950 against an acceptable $2,000: 97.5 %, a warning but not over', () => {
    const system = systemRisk(risks, seed);
    expect(system.total.mean).toBe(1950);
    expect(system.budgeted).toBe(1950);
    expect(system.acceptable).toBe(2000);
    expect(system.utilization).toBe(0.975);
    expect(system.status).toBe('warn');
    // Each component sits exactly at its budget: 100 %, which warns and is not yet over.
    expect(new Set(system.components.map((c) => `${c.utilization} ${c.status}`))).toEqual(new Set(['1 warn']));
  });

  it('shows the uncertainty: a 90 % interval around each expected risk', () => {
    const canary = risks.find((r) => r.id === 'canary_analysis');
    // beta(2.05, 202.95): 5 % 0.0018442, 95 % 0.0234329 (SciPy) × $30,000.
    expect(canary?.risk.lower).toBe(55.33);
    expect(canary?.risk.upper).toBe(702.99);
    for (const r of risks) {
      expect(r.risk.lower).toBeLessThanOrEqual(r.risk.mean);
      expect(r.risk.upper).toBeGreaterThanOrEqual(r.risk.mean);
    }
  });
});

const perDeploy: RiskComponent = {
  id: 'deployer',
  name: 'Deployer',
  implementation: 'code',
  budget: 100,
  harmModes: [
    {
      id: 'bad_rollout',
      name: 'bad rollout',
      type: 'accident',
      prior: { alpha: 1, beta: 999 },
      basis: { kind: 'per_opportunity', opportunity: 'deploys', perMonth: 20 },
      damage: 5000,
    },
  ],
};

describe('delegationRisk', () => {
  it('multiplies a per-opportunity P by the configured volume, or the observed one', () => {
    // 0.001 per deploy × 20 deploys a month × $5,000 = $100; with 40 observed deploys, $200.
    expect(delegationRisk(perDeploy, {}).risk.mean).toBe(100);
    expect(delegationRisk(perDeploy, {}).modes[0]?.trialsPerMonth).toBe(20);
    expect(delegationRisk(perDeploy, {}, { deploys: 40 }).risk.mean).toBe(200);
    expect(delegationRisk(perDeploy, {}, { reviews: 40 }).risk.mean).toBe(100);
  });

  it("uses the mode's posterior when there is one", () => {
    // beta(3, 997): 0.003 × 20 × $5,000 = $300.
    expect(delegationRisk(perDeploy, { bad_rollout: { alpha: 3, beta: 997 } }).risk.mean).toBe(300);
  });

  it('is $0 for a component without harm modes', () => {
    expect(delegationRisk({ ...perDeploy, harmModes: [] }, {}).risk).toEqual({ mean: 0, lower: 0, upper: 0 });
  });

  it('has an interval that contains the mean (shapes α, β ≥ 0.5)', () => {
    const shape = fc.double({ min: 0.5, max: 5000, noNaN: true });
    fc.assert(
      fc.property(shape, shape, fc.double({ min: 0, max: 1e6, noNaN: true }), (alpha, beta, damage) => {
        const component: RiskComponent = {
          ...perDeploy,
          harmModes: [
            { ...(perDeploy.harmModes[0] as RiskComponent['harmModes'][number]), prior: { alpha, beta }, damage },
          ],
        };
        const { risk } = delegationRisk(component, {});
        expect(risk.lower).toBeLessThanOrEqual(risk.mean);
        expect(risk.mean).toBeLessThanOrEqual(risk.upper);
      }),
      { numRuns: 50 },
    );
  });
});

describe('systemRisk and budgetStatus', () => {
  const at = (mean: number, budget: number) => ({
    id: 'x',
    budget,
    risk: { mean, lower: mean, upper: mean },
    modes: [],
  });

  it('is over above the budget, warns from warn_at, and is ok below', () => {
    expect(budgetStatus(300.01, 300, 0.8)).toBe('over');
    expect(budgetStatus(300, 300, 0.8)).toBe('warn');
    expect(budgetStatus(240, 300, 0.8)).toBe('warn');
    expect(budgetStatus(239.99, 300, 0.8)).toBe('ok');
    expect(budgetStatus(0, 0, 0.8)).toBe('ok');
  });

  it('flags risk on a zero budget as infinitely over, and nothing on nothing as 0 %', () => {
    const system = systemRisk([at(5, 0), at(0, 0)], { acceptable: 2000, warnAt: 0.8 });
    expect(system.components.map((c) => [c.utilization, c.status])).toEqual([
      [Number.POSITIVE_INFINITY, 'over'],
      [0, 'ok'],
    ]);
    expect(systemRisk([], { acceptable: 0, warnAt: 0.8 }).utilization).toBe(0);
    expect(systemRisk([at(1, 1)], { acceptable: 0, warnAt: 0.8 }).utilization).toBe(Number.POSITIVE_INFINITY);
  });

  it('is over when the total exceeds the acceptable risk', () => {
    const system = systemRisk([at(1500, 1500), at(600, 500)], { acceptable: 2000, warnAt: 0.8 });
    expect(system.total.mean).toBe(2100);
    expect(system.status).toBe('over');
    expect(system.components.map((c) => c.status)).toEqual(['warn', 'over']);
  });
});
