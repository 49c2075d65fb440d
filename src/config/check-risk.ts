import { duplicates } from './check-people.ts';
import { DEFAULT_ACCEPTABLE_RISK, DEFAULT_RISK_COMPONENTS } from './default-risk-components.ts';
import { field, items } from './raw-access.ts';
import type { ConfigError } from './types.ts';

/**
 * Checks the delegation-risk budgets: component ids are unique, and the components' budgets add up
 * to no more than the acceptable risk of the system (the framework's rule: a system over budget is
 * not acceptable).
 */
export function checkRisk(raw: unknown): ConfigError[] {
  const risk = field(raw, 'risk');
  const written = field(risk, 'components');
  const components = items(written);
  const errors = duplicates(components, 'risk.components', 'id', (s) => s);
  const budgets =
    written === undefined ? DEFAULT_RISK_COMPONENTS.map((c) => c.budget) : components.map((c) => field(c, 'budget'));
  const acceptable = field(risk, 'acceptable') ?? DEFAULT_ACCEPTABLE_RISK;
  const valid = budgets.filter((b): b is number => typeof b === 'number' && b >= 0);
  if (valid.length === budgets.length && typeof acceptable === 'number' && acceptable > 0) {
    const total = valid.reduce((sum, b) => sum + b, 0);
    if (total > acceptable) {
      errors.push({
        path: written === undefined ? 'risk.acceptable' : 'risk.components',
        message: `the component budgets add up to $${total}/month, more than the acceptable $${acceptable}/month`,
      });
    }
  }
  return errors;
}
