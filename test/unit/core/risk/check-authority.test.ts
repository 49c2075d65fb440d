/** The authority check as a rulebook: the seed passes; each broken graph names its rule and path. */
import { describe, expect, it } from 'vitest';
import type { AuthorityViolation } from '../../../../src/core/risk/authority-violation.ts';
import { checkAuthority } from '../../../../src/core/risk/check-authority.ts';
import type { AuthorityGraph } from '../../../../src/core/risk/risk-types.ts';
import { SEED_GRAPH, seedWith } from './seed-graph.ts';

describe('checkAuthority', () => {
  it("passes the seed's graph: every model reaches production only through the human gate", () => {
    expect(checkAuthority(SEED_GRAPH)).toEqual([]);
  });

  const broken: [string, AuthorityGraph, AuthorityViolation[]][] = [
    [
      'fail by LLM given a control edge',
      seedWith({ from: 'code_reviewer', to: 'orchestrator', kind: 'control' }),
      [{ rule: 'llm_control_edge', path: ['code_reviewer', 'orchestrator'] }],
    ],
    [
      'fail by LLM given an approval edge to production (and so bypassing the human)',
      seedWith({ from: 'code_reviewer', to: 'production', kind: 'approval' }),
      [
        { rule: 'llm_control_edge', path: ['code_reviewer', 'production'] },
        { rule: 'model_bypasses_human', path: ['code_reviewer', 'production'] },
      ],
    ],
    [
      'fail by narrow model controlling production directly',
      seedWith({ from: 'canary_analysis', to: 'production', kind: 'control' }),
      [{ rule: 'model_bypasses_human', path: ['canary_analysis', 'production'] }],
    ],
    [
      'fail by orchestrator deploying without the human gate (every model behind it bypasses)',
      seedWith({ from: 'orchestrator', to: 'production', kind: 'control' }),
      [
        { rule: 'model_bypasses_human', path: ['security_scanner', 'orchestrator', 'production'] },
        { rule: 'model_bypasses_human', path: ['canary_analysis', 'orchestrator', 'production'] },
      ],
    ],
    [
      'fail by a bypass through an undeclared node',
      seedWith(
        { from: 'security_scanner', to: 'autodeploy', kind: 'control' },
        { from: 'autodeploy', to: 'production', kind: 'control' },
      ),
      [{ rule: 'model_bypasses_human', path: ['security_scanner', 'autodeploy', 'production'] }],
    ],
    [
      'fail by approval from a component that is not a human gate',
      seedWith({ from: 'tests', to: 'production', kind: 'approval' }),
      [{ rule: 'approval_not_human', path: ['tests', 'production'] }],
    ],
    [
      'fail by orchestrator that is an LLM',
      {
        ...SEED_GRAPH,
        components: SEED_GRAPH.components.map((c) =>
          c.id === 'orchestrator' ? { id: c.id, implementation: 'llm' as const } : c,
        ),
      },
      [
        { rule: 'llm_control_edge', path: ['orchestrator', 'production_deploy'] },
        { rule: 'orchestrator_not_verified', path: ['orchestrator'] },
      ],
    ],
    [
      'fail by orchestrator that is plain code',
      {
        ...SEED_GRAPH,
        components: SEED_GRAPH.components.map((c) =>
          c.id === 'orchestrator' ? { id: c.id, implementation: 'code' as const } : c,
        ),
      },
      [{ rule: 'orchestrator_not_verified', path: ['orchestrator'] }],
    ],
    [
      'fail by orchestrator missing',
      { ...SEED_GRAPH, orchestrator: 'decider' },
      [{ rule: 'orchestrator_missing', path: ['decider'] }],
    ],
  ];
  it.each(broken)('%s', (_rule, graph, expected) => {
    expect(checkAuthority(graph)).toEqual(expected);
  });

  const fine: [string, AuthorityGraph][] = [
    [
      'data and advice to production carry no authority',
      seedWith(
        { from: 'canary_analysis', to: 'production', kind: 'data' },
        { from: 'code_reviewer', to: 'production', kind: 'advisory' },
      ),
    ],
    [
      'a cycle between checks that never reaches production by itself',
      seedWith(
        { from: 'canary_analysis', to: 'security_scanner', kind: 'control' },
        { from: 'security_scanner', to: 'canary_analysis', kind: 'control' },
      ),
    ],
    [
      'code may deploy without a human (only models must pass one)',
      seedWith({ from: 'staging_deploy', to: 'production', kind: 'control' }),
    ],
  ];
  it.each(fine)('pass: %s', (_what, graph) => {
    expect(checkAuthority(graph)).toEqual([]);
  });
});
