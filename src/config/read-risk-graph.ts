import type { AuthorityGraph, EdgeKind, Implementation, RiskEdge } from '../core/risk/risk-types.ts';
import { DEFAULT_ORCHESTRATOR, DEFAULT_PRODUCTION_NODE, DEFAULT_RISK_COMPONENTS } from './default-risk-components.ts';
import { DEFAULT_RISK_EDGES } from './default-risk-edges.ts';
import { field, items, text } from './raw-access.ts';

const IMPLEMENTATIONS: readonly string[] = ['code', 'verified_code', 'narrow_model', 'llm', 'human_gate'];
const EDGE_KINDS: readonly string[] = ['data', 'advisory', 'control', 'approval'];

/** The authority graph as written, with the config path of each component and edge. */
export interface RawRiskGraph {
  readonly graph: AuthorityGraph;
  /** Config path of each component of `graph.components`, by id; absent for the seed's. */
  readonly componentPaths: ReadonlyMap<string, string>;
  /** Config path of each edge of `graph.edges` (same order); `risk.edges` for the seed's. */
  readonly edgePaths: readonly string[];
  /** Whether the components and edges were written (else the seed's apply). */
  readonly written: { readonly components: boolean; readonly edges: boolean };
}

/**
 * Reads the authority graph from the document as written, with the same defaults as the
 * configuration (the seed's components and edges). Entries with the wrong shape are left out: the
 * schema reports them, and the configuration is refused anyway.
 */
export function readRiskGraph(raw: unknown): RawRiskGraph {
  const risk = field(raw, 'risk');
  const writtenComponents = Array.isArray(field(risk, 'components'));
  const writtenEdges = Array.isArray(field(risk, 'edges'));
  const componentPaths = new Map<string, string>();
  const components = writtenComponents
    ? items(field(risk, 'components')).flatMap((c, i) => {
        const id = text(field(c, 'id'));
        const implementation = text(field(c, 'implementation'));
        if (id === undefined || implementation === undefined || !IMPLEMENTATIONS.includes(implementation)) return [];
        if (!componentPaths.has(id)) componentPaths.set(id, `risk.components[${i}]`);
        return [{ id, implementation: implementation as Implementation }];
      })
    : DEFAULT_RISK_COMPONENTS.map((c) => ({ id: c.id, implementation: c.implementation }));
  const edgePaths: string[] = [];
  const edges: RiskEdge[] = [];
  if (writtenEdges) {
    items(field(risk, 'edges')).forEach((e, i) => {
      const from = text(field(e, 'from'));
      const to = text(field(e, 'to'));
      const kind = text(field(e, 'kind'));
      if (from === undefined || to === undefined || kind === undefined || !EDGE_KINDS.includes(kind)) return;
      edges.push({ from, to, kind: kind as EdgeKind, trust: 1 });
      edgePaths.push(`risk.edges[${i}]`);
    });
  } else if (!writtenComponents) {
    edges.push(...DEFAULT_RISK_EDGES);
    edgePaths.push(...DEFAULT_RISK_EDGES.map(() => 'risk.edges'));
  }
  const production = text(field(risk, 'production')) ?? DEFAULT_PRODUCTION_NODE;
  const orchestrator = text(field(risk, 'orchestrator')) ?? DEFAULT_ORCHESTRATOR;
  return {
    graph: { components, edges, production, orchestrator },
    componentPaths,
    edgePaths,
    written: { components: writtenComponents, edges: writtenEdges },
  };
}
