import { assertNever } from '../core/phases.ts';
import type { AuthorityViolation } from '../core/risk/authority-violation.ts';
import { carriesAuthority } from '../core/risk/carries-authority.ts';
import { checkAuthority } from '../core/risk/check-authority.ts';
import { field, items } from './raw-access.ts';
import { type RawRiskGraph, readRiskGraph } from './read-risk-graph.ts';
import type { ConfigError } from './types.ts';

const arrow = (path: readonly string[]) => path.join(' → ');

/** Where in the document a violation is, and what to say about it. */
function toError(v: AuthorityViolation, read: RawRiskGraph): ConfigError {
  const { graph, edgePaths, componentPaths } = read;
  const edgePath = (from: string, to: string) =>
    edgePaths[graph.edges.findIndex((e) => e.from === from && e.to === to)] ?? 'risk.edges';
  const [first = '', second = ''] = v.path;
  switch (v.rule) {
    case 'llm_control_edge':
      return {
        path: edgePath(first, second),
        message: `authority check: ${arrow(v.path)} gives the llm component ${first} authority; an LLM is advisory only (its output reaches humans): make the edge advisory`,
      };
    case 'approval_not_human':
      return {
        path: edgePath(first, second),
        message: `authority check: ${arrow(v.path)} is an approval, but ${first} is not a human_gate; only humans approve`,
      };
    case 'model_bypasses_human':
      return {
        path: edgePath(v.path[v.path.length - 2] ?? first, v.path[v.path.length - 1] ?? second),
        message: `authority check: ${arrow(v.path)} lets the model ${first} reach production without a human approval; route it through a human_gate component`,
      };
    case 'orchestrator_not_verified': {
      const at = componentPaths.get(first);
      return {
        path: at === undefined ? 'risk.orchestrator' : `${at}.implementation`,
        message: `authority check: the orchestrator ${first} must be verified_code (no model decides a rollout)`,
      };
    }
    case 'orchestrator_missing':
      return {
        path: 'risk.orchestrator',
        message: `authority check: names no component (${first}); it must be the id of the verified-code orchestrator`,
      };
    default:
      return assertNever(v.rule);
  }
}

/** References in `risk.edges` and `risk.production` that name nothing, or name the wrong thing. */
function checkReferences(read: RawRiskGraph): ConfigError[] {
  const { graph, edgePaths, componentPaths } = read;
  const ids = new Set(graph.components.map((c) => c.id));
  const errors: ConfigError[] = [];
  const productionAt = componentPaths.get(graph.production);
  if (productionAt !== undefined) {
    errors.push({
      path: `${productionAt}.id`,
      message: `is the production node (risk.production): production is where deploys land, not a component; rename one of them`,
    });
  }
  graph.edges.forEach((edge, i) => {
    const at = edgePaths[i] as string;
    if (edge.from === graph.production) {
      errors.push({ path: `${at}.from`, message: 'is production: no edge leaves production' });
    } else if (!ids.has(edge.from))
      errors.push({ path: `${at}.from`, message: 'names no component in risk.components' });
    if (edge.to !== graph.production && !ids.has(edge.to)) {
      errors.push({
        path: `${at}.to`,
        message: `names no component in risk.components, nor production (${graph.production})`,
      });
    }
  });
  return errors;
}

/** `blocking` as written must agree with the edges: a blocking component has a control or approval edge. */
function checkBlocking(raw: unknown, read: RawRiskGraph): ConfigError[] {
  return items(field(field(raw, 'risk'), 'components')).flatMap((c, i): ConfigError[] => {
    const blocking = field(c, 'blocking');
    const id = field(c, 'id');
    if (typeof blocking !== 'boolean' || field(c, 'implementation') === 'llm') return [];
    const controls = read.graph.edges.some((e) => e.from === id && carriesAuthority(e.kind));
    if (blocking === controls) return [];
    const message = blocking
      ? 'is true, but no control or approval edge leaves this component: its "no" would reach nobody; add one to risk.edges'
      : 'is false, but a control or approval edge leaves this component: make that edge advisory or data, or drop `blocking`';
    return [{ path: `risk.components[${i}].blocking`, message }];
  });
}

/**
 * Checks the declared architecture at boot: every edge names a component (or production), the
 * `blocking` flags agree with the edges, and the graph passes `checkAuthority` (no LLM holds
 * authority, no model reaches production without a human, the orchestrator is verified code).
 * Each problem names the path of the graph that is wrong and where it is written.
 */
export function checkRiskGraph(raw: unknown): ConfigError[] {
  const read = readRiskGraph(raw);
  return [
    ...checkReferences(read),
    ...checkBlocking(raw, read),
    ...checkAuthority(read.graph).map((v) => toError(v, read)),
  ];
}
