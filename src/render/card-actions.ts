import { awaitsResolution } from '../core/decide-resolution.ts';
import { isPreProduction, isTerminal } from '../core/phases.ts';
import type { OutcomeResolution, Policy, Rollout } from '../core/types.ts';

/** A button the card offers. Retry names the gate it reruns. */
export type CardAction =
  | { readonly kind: 'approve' }
  | { readonly kind: 'reject' }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'rollback' }
  | { readonly kind: 'confirm_production' }
  | { readonly kind: 'retry'; readonly gateId: string; readonly gateName: string };

/** At most this many Retry buttons; more failed gates are retried with `/shiplock`. */
export const MAX_RETRY_BUTTONS = 5;

/**
 * The buttons a phase offers (issue 3): Approve and Reject while awaiting approval, Retry for each
 * gate in `error`, Roll back while production is verified (until a rollback is claimed), Cancel in
 * every phase before production. A terminal card offers nothing: its buttons go inert — except a
 * production deploy whose outcome is unknown, which offers Roll back and Production is fine until a
 * human answered (`resolution`, issue #6). The core still decides every click; a button shown here
 * is a convenience, never an authorization.
 */
export function toCardActions(
  rollout: Rollout,
  policy: Policy,
  resolution: OutcomeResolution | null = null,
): readonly CardAction[] {
  const { phase } = rollout;
  if (awaitsResolution(rollout))
    return resolution === null ? [{ kind: 'rollback' }, { kind: 'confirm_production' }] : [];
  if (isTerminal(phase) || rollout.ended !== null) return [];
  const actions: CardAction[] = [];
  if (phase === 'awaiting_approval') actions.push({ kind: 'approve' }, { kind: 'reject' });
  const names = new Map(policy.gates.map((g) => [g.id, g.name]));
  const order = (id: string): number => policy.gates.findIndex((g) => g.id === id) >>> 0;
  const errored = Object.entries(rollout.gates)
    .filter(([, gate]) => gate.status === 'error')
    .sort(([a], [b]) => order(a) - order(b));
  for (const [gateId] of errored.slice(0, MAX_RETRY_BUTTONS)) {
    actions.push({ kind: 'retry', gateId, gateName: names.get(gateId) ?? gateId });
  }
  if (phase === 'verifying' && rollout.deploys.rollback === undefined) actions.push({ kind: 'rollback' });
  if (isPreProduction(phase)) actions.push({ kind: 'cancel' });
  return actions;
}
