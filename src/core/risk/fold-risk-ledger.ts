import type { EpochMs } from '../types.ts';
import type { BudgetStatus } from './budget-status.ts';
import type { RiskAcknowledged, RiskIncidentRecorded, RiskLedgerEvent } from './ledger-types.ts';

/** Autonomy stepped down: one more approver and a doubled time lock until a human acknowledges. */
export interface StepDown {
  /** Scopes (components, `system`) that went over budget since the last acknowledgement. */
  readonly scopes: readonly string[];
  /** When the first of them went over. */
  readonly since: EpochMs;
}

/** The ledger folded: what the report, the enforcement and the policy transform read. */
export interface RiskLedger {
  readonly incidents: readonly RiskIncidentRecorded[];
  /** The last recorded status of each scope; a scope never recorded is `ok`. */
  readonly levels: Readonly<Record<string, BudgetStatus>>;
  /** Null when autonomy is at its configured level. */
  readonly stepDown: StepDown | null;
  readonly lastAcknowledged: RiskAcknowledged | null;
  /** Every idempotency key in the ledger. */
  readonly keys: ReadonlySet<string>;
}

/**
 * Folds the risk stream in log order. A crossing to `over` steps autonomy down (issue #7: block
 * and escalate above 100 %); an acknowledgement lifts it. A scope that falls back and goes over
 * again after the acknowledgement steps it down again.
 */
export function foldRiskLedger(events: readonly RiskLedgerEvent[]): RiskLedger {
  const incidents: RiskIncidentRecorded[] = [];
  const levels: Record<string, BudgetStatus> = {};
  const keys = new Set<string>();
  let over: string[] = [];
  let since: EpochMs | null = null;
  let lastAcknowledged: RiskAcknowledged | null = null;
  for (const event of events) {
    keys.add(event.key);
    if (event.type === 'RiskIncidentRecorded') incidents.push(event);
    else if (event.type === 'RiskAcknowledged') {
      lastAcknowledged = event;
      over = [];
      since = null;
    } else {
      levels[event.scope] = event.to;
      if (event.to === 'over' && !over.includes(event.scope)) {
        over = [...over, event.scope];
        since ??= event.at;
      }
    }
  }
  const stepDown = since === null ? null : { scopes: over, since };
  return { incidents, levels, stepDown, lastAcknowledged, keys };
}
