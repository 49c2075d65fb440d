/** Trust along each component's delegation chain to production (the report's table). */
import { describe, expect, it } from 'vitest';
import { delegationChains } from '../../../../src/core/risk/delegation-chains.ts';
import { SEED_GRAPH } from './seed-graph.ts';

describe('delegationChains on the seed graph', () => {
  const chains = new Map(delegationChains(SEED_GRAPH).map((c) => [c.component, c]));

  it('canary → orchestrator → production gate → production: 0.90 × 0.99 × 1.0 = 0.891, inherited by production', () => {
    const canary = chains.get('canary_analysis');
    expect(canary?.path).toEqual(['canary_analysis', 'orchestrator', 'production_deploy', 'production']);
    expect(canary?.trust).toBeCloseTo(0.891, 12);
    expect(canary?.production).toBeCloseTo(0.891, 12);
  });

  it('the reviewer only advises: its chain exists, production inherits 0', () => {
    const reviewer = chains.get('code_reviewer');
    expect(reviewer?.path).toEqual(['code_reviewer', 'production_deploy', 'production']);
    expect(reviewer?.production).toBe(0);
  });

  it('a component with no path to production has an empty chain and no trust', () => {
    const lone = delegationChains({ ...SEED_GRAPH, components: [{ id: 'lone', implementation: 'code' }] });
    expect(lone).toEqual([{ component: 'lone', path: [], trust: 0, production: 0 }]);
  });
});
