/**
 * The declared architecture at boot: the seed's graph is accepted; a graph in which a model can
 * reach production without a human, an LLM holds authority, or the orchestrator is not verified
 * code is refused, and the error names the path that is wrong and where it is written.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { configCheck } from '../../../src/cli/config-check.ts';
import { DEFAULT_RISK_COMPONENTS } from '../../../src/config/default-risk-components.ts';
import { DEFAULT_RISK_EDGES } from '../../../src/config/default-risk-edges.ts';
import { LLM_CANNOT_BLOCK } from '../../../src/config/risk-schema.ts';
import { configErrors, type Doc, documentWith, minimalDocument, validConfig } from './minimal-config.ts';

/** The seed's table and graph written out, as an operator would, ready to be broken. */
function seedRisk(): Doc {
  return {
    components: DEFAULT_RISK_COMPONENTS.map((c) => ({
      id: c.id,
      name: c.name,
      implementation: c.implementation,
      budget: c.budget,
      harm_modes: c.harmModes.map((m) => ({ id: m.id, name: m.name, type: m.type, prior: m.prior, damage: m.damage })),
    })),
    edges: DEFAULT_RISK_EDGES.map((e) => ({ ...e })),
  };
}

const withRisk = (edit: (risk: Doc) => void) =>
  documentWith((doc) => {
    doc.risk = seedRisk();
    edit(doc.risk);
  });

describe('the authority check at boot', () => {
  it("accepts the default configuration: the seed's graph, blocking flags from its edges", () => {
    const risk = validConfig(stringify(minimalDocument())).risk;
    expect(risk.edges).toEqual(DEFAULT_RISK_EDGES);
    expect(risk).toMatchObject({ production: 'production', orchestrator: 'orchestrator', halfLifeDays: 90 });
    expect(risk.components.filter((c) => !c.blocking).map((c) => c.id)).toEqual(['code_reviewer']);
  });

  it('accepts the seed written out, with the same blocking flags', () => {
    const risk = validConfig(withRisk(() => {})).risk;
    expect(risk.components.map((c) => c.blocking)).toEqual(DEFAULT_RISK_COMPONENTS.map((c) => c.blocking));
    expect(risk.components.map((c) => c.harmModes)).toEqual(DEFAULT_RISK_COMPONENTS.map((c) => c.harmModes));
  });

  it('refuses an LLM given a control edge, naming the edge and its path', () => {
    const errors = configErrors(
      withRisk((r) => r.edges.push({ from: 'code_reviewer', to: 'orchestrator', kind: 'control' })),
    );
    expect(errors).toEqual([
      expect.objectContaining({
        path: 'risk.edges[9]',
        message: expect.stringMatching(/^authority check: code_reviewer → orchestrator .*advisory only/),
      }),
    ]);
  });

  it('refuses a narrow model that bypasses the human gate', () => {
    const errors = configErrors(
      withRisk((r) => r.edges.push({ from: 'canary_analysis', to: 'production', kind: 'control' })),
    );
    expect(errors).toEqual([
      expect.objectContaining({
        path: 'risk.edges[9]',
        message:
          'authority check: canary_analysis → production lets the model canary_analysis reach production without a human approval; route it through a human_gate component',
      }),
    ]);
  });

  it('refuses an orchestrator that deploys by itself, once per model behind it, at the edge that skips the human', () => {
    const errors = configErrors(
      withRisk((r) => r.edges.push({ from: 'orchestrator', to: 'production', kind: 'control' })),
    );
    expect(errors.map((e) => [e.path, e.message.split(' lets')[0]])).toEqual([
      ['risk.edges[9]', 'authority check: security_scanner → orchestrator → production'],
      ['risk.edges[9]', 'authority check: canary_analysis → orchestrator → production'],
    ]);
  });

  it('refuses an approval that no human gives', () => {
    const errors = configErrors(withRisk((r) => r.edges.push({ from: 'tests', to: 'production', kind: 'approval' })));
    expect(errors).toEqual([
      expect.objectContaining({ path: 'risk.edges[9]', message: expect.stringContaining('tests is not a human_gate') }),
    ]);
  });

  it('refuses an orchestrator that is not verified code, or that does not exist', () => {
    const llm = configErrors(withRisk((r) => (r.components[7].implementation = 'code')));
    expect(llm).toEqual([
      expect.objectContaining({
        path: 'risk.components[7].implementation',
        message: 'authority check: the orchestrator orchestrator must be verified_code (no model decides a rollout)',
      }),
    ]);
    const missing = configErrors(documentWith((doc) => (doc.risk = { orchestrator: 'decider' })));
    expect(missing).toEqual([expect.objectContaining({ path: 'risk.orchestrator' })]);
  });

  it('refuses blocking: true on an LLM component, once, at its path', () => {
    const errors = configErrors(withRisk((r) => (r.components[2].blocking = true)));
    expect(errors).toEqual([
      expect.objectContaining({ path: 'risk.components[2].blocking', message: LLM_CANNOT_BLOCK }),
    ]);
  });

  it('refuses blocking flags that disagree with the edges', () => {
    const errors = configErrors(
      withRisk((r) => {
        r.components[0].blocking = false;
        r.components[3].blocking = true;
        r.edges = r.edges.filter((e: Doc) => e.from !== 'tests');
      }),
    );
    expect(errors.map((e) => e.path)).toEqual(['risk.components[0].blocking', 'risk.components[3].blocking']);
  });

  it('refuses edges that name nothing, leave production, or a component called production', () => {
    const errors = configErrors(
      withRisk((r) => {
        r.edges.push({ from: 'nobody', to: 'nowhere', kind: 'data' });
        r.edges.push({ from: 'production', to: 'orchestrator', kind: 'data' });
        r.components.push({ id: 'production', implementation: 'code', budget: 0 });
      }),
    );
    expect(errors.map((e) => [e.path, e.message.slice(0, 30)])).toEqual([
      ['risk.components[9].id', 'is the production node (risk.p'],
      ['risk.edges[9].from', 'names no component in risk.com'],
      ['risk.edges[9].to', 'names no component in risk.com'],
      ['risk.edges[10].from', 'is production: no edge leaves '],
    ]);
  });

  it('requires the graph when the components are written', () => {
    const errors = configErrors(withRisk((r) => delete r.edges));
    expect(errors).toEqual([
      expect.objectContaining({ path: 'risk.edges', message: expect.stringContaining('is required') }),
    ]);
  });

  it('names the path of a harm mode without a prior, with both, and a per-opportunity one without its volume', () => {
    const errors = configErrors(
      withRisk((r) => {
        r.components[0].harm_modes[0] = { id: 'a', damage: 1 };
        r.components[1].harm_modes[0] = { id: 'b', damage: 1, probability: 0.1, prior: { alpha: 1, beta: 9 } };
        r.components[1].harm_modes[1] = { id: 'c', damage: 1, probability: 0.1, basis: 'per_opportunity' };
        r.components[3].harm_modes[0] = { id: 'd', damage: 1, probability: 0.1, opportunity: 'deploys' };
        r.components[4].harm_modes.push({ id: 'misses_crash', damage: 1, probability: 0.1 });
      }),
    );
    expect(errors.map((e) => e.path)).toEqual([
      'risk.components[0].harm_modes[0]',
      'risk.components[1].harm_modes[0].prior',
      'risk.components[1].harm_modes[1].opportunity',
      'risk.components[1].harm_modes[1].opportunities_per_month',
      'risk.components[3].harm_modes[0].opportunity',
      'risk.components[4].harm_modes[1].id',
    ]);
  });

  it('maps a per-opportunity mode and defaults edge trust by the tier of its sender', () => {
    const risk = validConfig(
      withRisk((r) => {
        r.components[6].harm_modes[0] = {
          id: 'approves_bad_deploy',
          probability: 0.001,
          basis: 'per_opportunity',
          opportunity: 'canary_runs',
          opportunities_per_month: 10,
          damage: 30000,
        };
        for (const e of r.edges) delete e.trust;
      }),
    ).risk;
    expect(risk.components[6]?.harmModes[0]).toMatchObject({
      basis: { kind: 'per_opportunity', opportunity: 'canary_runs', perMonth: 10 },
    });
    expect(risk.components[6]?.harmModes[0]?.prior.alpha).toBeCloseTo(0.205, 15);
    expect(risk.edges.map((e) => e.trust)).toEqual([0.95, 0.9, 0.8, 0.95, 0.95, 0.95, 0.9, 0.95, 1]);
  });
});

describe('shiplock config check', () => {
  it('refuses a broken graph, printing the path that is wrong', () => {
    const out: string[] = [];
    const text = withRisk((r) => r.edges.push({ from: 'code_reviewer', to: 'production', kind: 'approval' }));
    const code = configCheck('shiplock.yml', {
      stdout: (t) => out.push(t),
      stderr: (t) => out.push(t),
      readFile: () => text,
      env: {},
    });
    expect(code).toBe(1);
    expect(out.join('')).toContain('risk.edges[9]: authority check: code_reviewer → production');
  });
});
