/** Trust along delegation chains: the framework's multiplicative rule and its "= 0" for advice. */
import { describe, expect, it } from 'vitest';
import { chainTrust } from '../../../../src/core/risk/chain-trust.ts';
import { SEED_GRAPH, seedWith } from './seed-graph.ts';

describe('chainTrust', () => {
  it('multiplies along the chain: Human → Orchestrator 0.99 × Orchestrator → Canary 0.90 = 0.891', () => {
    const chain = chainTrust(SEED_GRAPH, ['canary_analysis', 'orchestrator', 'production_deploy', 'production']);
    expect(chain?.trust).toBeCloseTo(0.891, 12);
    expect(chain?.production).toBeCloseTo(0.891, 12);
  });

  it('gives production no trust through the reviewer: Trust(Human → Production via Reviewer) = 0', () => {
    expect(chainTrust(SEED_GRAPH, ['code_reviewer', 'production_deploy', 'production'])).toEqual({
      trust: 0.8,
      production: 0,
    });
  });

  it('gives production no trust through a chain that stops short of it', () => {
    expect(chainTrust(SEED_GRAPH, ['static_analysis', 'orchestrator'])).toEqual({ trust: 0.95, production: 0 });
  });

  it('counts the authority edge where two edges join the same nodes', () => {
    const graph = seedWith({ from: 'canary_analysis', to: 'orchestrator', kind: 'data' });
    expect(chainTrust(graph, ['canary_analysis', 'orchestrator'])?.trust).toBe(0.9);
    const dataFirst = { ...SEED_GRAPH, edges: [{ from: 'a', to: 'production', kind: 'data' as const, trust: 0.5 }] };
    expect(chainTrust(dataFirst, ['a', 'production'])).toEqual({ trust: 0.5, production: 0 });
  });

  it('is 1 for production itself, and null for an empty path or a step without an edge', () => {
    expect(chainTrust(SEED_GRAPH, ['production'])).toEqual({ trust: 1, production: 1 });
    expect(chainTrust(SEED_GRAPH, [])).toBeNull();
    expect(chainTrust(SEED_GRAPH, ['code_reviewer', 'production'])).toBeNull();
  });
});
