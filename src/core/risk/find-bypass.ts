import { carriesAuthority } from './carries-authority.ts';
import type { AuthorityGraph } from './risk-types.ts';

/**
 * The shortest path of authority edges from `start` to production that visits no human gate
 * (breadth first, in edge order, so the answer is deterministic), or null when every such path
 * passes a human.
 */
export function findBypass(graph: AuthorityGraph, start: string): readonly string[] | null {
  const humans = new Set(graph.components.filter((c) => c.implementation === 'human_gate').map((c) => c.id));
  const previous = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head += 1) {
    const node = queue[head] as string;
    for (const edge of graph.edges) {
      if (edge.from !== node || !carriesAuthority(edge.kind) || previous.has(edge.to) || humans.has(edge.to)) continue;
      previous.set(edge.to, node);
      if (edge.to === graph.production) return pathTo(previous, edge.to);
      queue.push(edge.to);
    }
  }
  return null;
}

function pathTo(previous: ReadonlyMap<string, string | null>, end: string): string[] {
  const path: string[] = [];
  for (let node: string | null | undefined = end; node != null; node = previous.get(node)) path.unshift(node);
  return path;
}
