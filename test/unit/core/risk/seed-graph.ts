import { DEFAULT_RISK_COMPONENTS } from '../../../../src/config/default-risk-components.ts';
import { DEFAULT_RISK_EDGES } from '../../../../src/config/default-risk-edges.ts';
import type { AuthorityGraph, RiskEdge } from '../../../../src/core/risk/risk-types.ts';

/** The seed's authority graph (the config defaults). */
export const SEED_GRAPH: AuthorityGraph = {
  components: DEFAULT_RISK_COMPONENTS.map((c) => ({ id: c.id, implementation: c.implementation })),
  edges: DEFAULT_RISK_EDGES,
  production: 'production',
  orchestrator: 'orchestrator',
};

/** The seed graph with `extra` edges added. */
export function seedWith(...extra: Omit<RiskEdge, 'trust'>[]): AuthorityGraph {
  return { ...SEED_GRAPH, edges: [...SEED_GRAPH.edges, ...extra.map((e) => ({ ...e, trust: 1 }))] };
}
