import { type ChainTrust, chainTrust } from './chain-trust.ts';
import type { AuthorityGraph } from './risk-types.ts';

/** One component's delegation chain towards production and the trust along it. */
export interface DelegationChain extends ChainTrust {
  readonly component: string;
  /** Node ids from the component to production; empty when its output never reaches production. */
  readonly path: readonly string[];
}

/**
 * For every component, the shortest chain its output takes to production (breadth-first over every
 * edge, so advisory chains show too) with the multiplied trust along it and the trust production
 * inherits (0 unless every edge carries authority: the framework's "Trust(Human → Production via
 * Reviewer) = 0"). A component with no path gets an empty chain and trust 0.
 */
export function delegationChains(graph: AuthorityGraph): DelegationChain[] {
  return graph.components.map(({ id }) => {
    const path = shortestPath(graph, id);
    const trust = path.length === 0 ? null : chainTrust(graph, path);
    return { component: id, path, trust: trust?.trust ?? 0, production: trust?.production ?? 0 };
  });
}

function shortestPath(graph: AuthorityGraph, from: string): string[] {
  const previous = new Map<string, string>([[from, from]]);
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    if (node === graph.production) {
      const path = [node];
      while (path[0] !== from) path.unshift(previous.get(path[0] as string) as string);
      return path;
    }
    for (const edge of graph.edges) {
      if (edge.from !== node || previous.has(edge.to)) continue;
      previous.set(edge.to, node);
      queue.push(edge.to);
    }
  }
  return [];
}
