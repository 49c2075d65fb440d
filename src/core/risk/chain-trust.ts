import { carriesAuthority } from './carries-authority.ts';
import type { AuthorityGraph, RiskEdge } from './risk-types.ts';

/** Trust along a delegation chain. */
export interface ChainTrust {
  /** Π of the edges' trust weights (the framework's multiplicative rule). */
  readonly trust: number;
  /**
   * The trust production inherits through this chain: `trust` when the chain ends at production
   * and every edge carries authority, else 0 (the framework's "Trust(Human → Production via
   * Reviewer) = 0": advice does not flow to production).
   */
  readonly production: number;
}

/**
 * The trust along `path` (node ids in the direction output flows, e.g. canary → orchestrator →
 * production gate → production): the product of the trust weights of its edges, as in the
 * framework's risk inheritance (Human → Orchestrator 0.99 × Orchestrator → Canary 0.90 = 0.891).
 * Between two nodes joined by several edges the authority-carrying one counts. Null when the path
 * is empty or a step has no edge.
 */
export function chainTrust(graph: AuthorityGraph, path: readonly string[]): ChainTrust | null {
  if (path.length === 0) return null;
  const steps: RiskEdge[] = [];
  for (let i = 1; i < path.length; i += 1) {
    const between = graph.edges.filter((e) => e.from === path[i - 1] && e.to === path[i]);
    const edge = between.find((e) => carriesAuthority(e.kind)) ?? between[0];
    if (edge === undefined) return null;
    steps.push(edge);
  }
  const trust = steps.reduce((product, e) => product * e.trust, 1);
  const authority = path.at(-1) === graph.production && steps.every((e) => carriesAuthority(e.kind));
  return { trust, production: authority ? trust : 0 };
}
