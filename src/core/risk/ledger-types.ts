/**
 * The risk ledger (issue #7): incidents, budget crossings and acknowledgements, recorded as their
 * own stream in the hash-chained event log. Plain JSON data, like the orchestrator's events.
 */
import type { EpochMs, SlackUserId } from '../types.ts';
import type { BudgetStatus } from './budget-status.ts';

/** What recorded an incident: one of the automatic triggers, or a human (`/shiplock incident`). */
export type IncidentTrigger = 'production_rollback' | 'deploy_failed' | 'alert_after_promotion';

/** The automatic triggers, in the order the configuration lists them. */
export const INCIDENT_TRIGGERS: readonly IncidentTrigger[] = [
  'production_rollback',
  'deploy_failed',
  'alert_after_promotion',
];

/** A harm mode of a component, `component.mode` in the configuration. */
export interface HarmModeRef {
  readonly component: string;
  readonly mode: string;
}

/** A harm that happened, charged to one harm mode of one component. */
export interface RiskIncidentRecorded {
  readonly type: 'RiskIncidentRecorded';
  readonly at: EpochMs;
  /** Idempotency key: an incident with a key already in the ledger is not recorded again. */
  readonly key: string;
  readonly component: string;
  readonly mode: string;
  readonly source: IncidentTrigger | 'manual';
  /** Dollars reported by a human; null for automatic incidents (the mode's damage is used). */
  readonly damage: number | null;
  /** Untrusted when typed by a human: escaped wherever it is shown. */
  readonly text: string;
  readonly by: SlackUserId | null;
  readonly repo: string | null;
  readonly rolloutId: string | null;
}

/** A budget's status changed (`scope`: a component id, or `system`). */
export interface RiskBudgetCrossed {
  readonly type: 'RiskBudgetCrossed';
  readonly at: EpochMs;
  readonly key: string;
  readonly scope: string;
  readonly from: BudgetStatus;
  readonly to: BudgetStatus;
  /** Mean estimate and budget at the crossing, $/month. */
  readonly estimate: number;
  readonly budget: number;
}

/** An authorized human lifted the step-down, with a reason. */
export interface RiskAcknowledged {
  readonly type: 'RiskAcknowledged';
  readonly at: EpochMs;
  readonly key: string;
  readonly by: SlackUserId;
  readonly reason: string;
}

/** Every event of the risk stream. */
export type RiskLedgerEvent = RiskIncidentRecorded | RiskBudgetCrossed | RiskAcknowledged;

/** The scope name of the whole system in crossings. */
export const SYSTEM_SCOPE = 'system';
