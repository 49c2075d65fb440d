import type { AuthorityViolation } from './authority-violation.ts';
import { carriesAuthority } from './carries-authority.ts';
import { findBypass } from './find-bypass.ts';
import type { AuthorityGraph } from './risk-types.ts';

/**
 * Checks the declared authority graph against the seed's architecture (Least Autonomy: a human
 * approves every production deploy; Least Privilege: the LLM reviewer is advisory only; Maximum
 * Verifiability: the orchestrator is verified code) and returns every violation, each with the
 * path that breaks the rule. An empty list means the graph is acceptable.
 */
export function checkAuthority(graph: AuthorityGraph): AuthorityViolation[] {
  const kindOf = new Map(graph.components.map((c) => [c.id, c.implementation]));
  const violations: AuthorityViolation[] = [];
  for (const edge of graph.edges) {
    const kind = kindOf.get(edge.from);
    if (kind === 'llm' && carriesAuthority(edge.kind)) {
      violations.push({ rule: 'llm_control_edge', path: [edge.from, edge.to] });
    } else if (edge.kind === 'approval' && kind !== 'human_gate') {
      violations.push({ rule: 'approval_not_human', path: [edge.from, edge.to] });
    }
  }
  for (const component of graph.components) {
    if (component.implementation !== 'narrow_model' && component.implementation !== 'llm') continue;
    const bypass = findBypass(graph, component.id);
    if (bypass !== null) violations.push({ rule: 'model_bypasses_human', path: bypass });
  }
  const orchestrator = kindOf.get(graph.orchestrator);
  if (orchestrator === undefined) violations.push({ rule: 'orchestrator_missing', path: [graph.orchestrator] });
  else if (orchestrator !== 'verified_code') {
    violations.push({ rule: 'orchestrator_not_verified', path: [graph.orchestrator] });
  }
  return violations;
}
