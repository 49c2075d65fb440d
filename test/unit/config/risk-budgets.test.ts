import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { DEFAULT_ACCEPTABLE_RISK, DEFAULT_RISK_COMPONENTS } from '../../../src/config/default-risk-components.ts';
import { configErrors, documentWith, minimalDocument, validConfig } from './minimal-config.ts';

describe('delegation-risk budgets', () => {
  it('defaults to the seed table exactly', () => {
    const risk = validConfig(stringify(minimalDocument())).risk;
    expect(risk.components.map((c) => [c.id, c.implementation, c.budget])).toEqual([
      ['static_analysis', 'verified_code', 50],
      ['security_scanner', 'narrow_model', 200],
      ['code_reviewer', 'llm', 500],
      ['tests', 'code', 100],
      ['fuzzer', 'code', 150],
      ['staging_deploy', 'code', 50],
      ['canary_analysis', 'narrow_model', 300],
      ['orchestrator', 'verified_code', 100],
      ['production_deploy', 'human_gate', 500],
    ]);
    expect(risk.acceptable).toBe(2000);
    expect(risk.warnAt).toBe(0.8);
  });

  it('adds up to the seed system total of 1,950 against an acceptable 2,000', () => {
    expect(DEFAULT_RISK_COMPONENTS.reduce((sum, c) => sum + c.budget, 0)).toBe(1950);
    expect(DEFAULT_ACCEPTABLE_RISK).toBe(2000);
  });

  it('refuses budgets that add up to more than the acceptable risk', () => {
    const lowered = configErrors(documentWith((doc) => (doc.risk = { acceptable: 1900 })));
    expect(lowered).toEqual([
      expect.objectContaining({
        path: 'risk.acceptable',
        message: expect.stringContaining('$1950/month, more than the acceptable $1900/month'),
      }),
    ]);
    const written = configErrors(
      documentWith((doc) => {
        doc.risk = {
          acceptable: 100,
          components: [
            { id: 'a', implementation: 'llm', budget: 101 },
            { id: 'orchestrator', implementation: 'verified_code', budget: 0 },
          ],
          edges: [],
        };
      }),
    );
    expect(written.map((e) => e.path)).toEqual(['risk.components']);
  });

  it('replaces the table with the components written, harm modes kept', () => {
    const risk = validConfig(
      documentWith((doc) => {
        doc.risk = {
          edges: [],
          components: [
            {
              id: 'canary',
              implementation: 'narrow_model',
              budget: 300,
              harm_modes: [
                { id: 'approves_bad_deploy', name: 'approves a bad deploy', probability: 0.01, damage: 30000 },
              ],
            },
            { id: 'orchestrator', implementation: 'verified_code', budget: 0 },
          ],
        };
      }),
    ).risk;
    expect(risk.components.slice(0, 1)).toEqual([
      {
        id: 'canary',
        name: 'canary',
        implementation: 'narrow_model',
        budget: 300,
        blocking: false,
        harmModes: [
          {
            id: 'approves_bad_deploy',
            name: 'approves a bad deploy',
            type: 'accident',
            prior: { alpha: 0.01 * 205, beta: 205 - 0.01 * 205 },
            basis: { kind: 'per_month' },
            damage: 30000,
          },
        ],
      },
    ]);
  });

  it('names the path of a duplicate id, a bad kind and a probability above 1', () => {
    const errors = configErrors(
      documentWith((doc) => {
        doc.risk = {
          edges: [],
          components: [
            { id: 'orchestrator', implementation: 'verified_code', budget: 1 },
            { id: 'a', implementation: 'code', budget: 1 },
            { id: 'a', implementation: 'magic', budget: 1, harm_modes: [{ id: 'x', probability: 2, damage: 1 }] },
          ],
        };
      }),
    );
    expect(errors.map((e) => e.path).sort()).toEqual([
      'risk.components[2].harm_modes[0].probability',
      'risk.components[2].id',
      'risk.components[2].implementation',
    ]);
  });
});
