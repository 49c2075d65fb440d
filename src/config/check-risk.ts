import { checkIncidentMapping } from './check-incident-mapping.ts';
import { duplicates } from './check-people.ts';
import { checkRiskGraph } from './check-risk-graph.ts';
import { DEFAULT_ACCEPTABLE_RISK, DEFAULT_RISK_COMPONENTS } from './default-risk-components.ts';
import { field, items } from './raw-access.ts';
import { LLM_CANNOT_BLOCK } from './risk-schema.ts';
import type { ConfigError } from './types.ts';

function checkBudgets(risk: unknown, written: unknown, components: readonly unknown[]): ConfigError[] {
  const budgets =
    written === undefined ? DEFAULT_RISK_COMPONENTS.map((c) => c.budget) : components.map((c) => field(c, 'budget'));
  const acceptable = field(risk, 'acceptable') ?? DEFAULT_ACCEPTABLE_RISK;
  const valid = budgets.filter((b): b is number => typeof b === 'number' && b >= 0);
  if (valid.length !== budgets.length || typeof acceptable !== 'number' || acceptable <= 0) return [];
  const total = valid.reduce((sum, b) => sum + b, 0);
  if (total <= acceptable) return [];
  return [
    {
      path: written === undefined ? 'risk.acceptable' : 'risk.components',
      message: `the component budgets add up to $${total}/month, more than the acceptable $${acceptable}/month`,
    },
  ];
}

/**
 * Checks the delegation-risk section: component ids are unique, harm-mode ids are unique within
 * a component, no LLM component is marked blocking, the budgets add up to no more than the
 * acceptable risk (the framework's rule: a system over budget is not acceptable), and the declared
 * authority graph passes the authority check (`checkRiskGraph`), so `shiplock start` and
 * `shiplock config check` refuse a graph in which a model can reach production without a human.
 */
export function checkRisk(raw: unknown): ConfigError[] {
  const risk = field(raw, 'risk');
  const written = field(risk, 'components');
  const components = items(written);
  const errors = duplicates(components, 'risk.components', 'id', (s) => s);
  components.forEach((c, i) => {
    errors.push(...duplicates(items(field(c, 'harm_modes')), `risk.components[${i}].harm_modes`, 'id', (s) => s));
    if (field(c, 'implementation') === 'llm' && field(c, 'blocking') === true) {
      errors.push({ path: `risk.components[${i}].blocking`, message: LLM_CANNOT_BLOCK });
    }
  });
  if (Array.isArray(written) && field(risk, 'edges') === undefined) {
    errors.push({
      path: 'risk.edges',
      message:
        'is required when risk.components is written: the authority check reads the graph (the seed graph is in docs/risk.md; write [] for none)',
    });
  }
  return [
    ...errors,
    ...checkBudgets(risk, written, components),
    ...checkIncidentMapping(risk, written),
    ...checkRiskGraph(raw),
  ];
}
