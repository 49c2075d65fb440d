import type { EpochMs } from '../core/types.ts';

/*
 * The report's view model, declared here structurally: render imports only top-level core files
 * (render-purity test), and the core's risk types (src/core/risk) fit these shapes as they are.
 */

/** Where spend stands against a budget. */
export type RiskStatus = 'ok' | 'warn' | 'over';

/** A value with its 90 % interval. */
export interface RiskEstimate {
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
}

/** One component against its budget ($/month). */
export interface RiskComponentLine {
  readonly id: string;
  readonly budget: number;
  readonly risk: RiskEstimate;
  readonly utilization: number;
  readonly status: RiskStatus;
}

/** The system against the acceptable risk, with its components. */
export interface RiskTotals {
  readonly total: RiskEstimate;
  readonly acceptable: number;
  readonly utilization: number;
  readonly status: RiskStatus;
  readonly components: readonly RiskComponentLine[];
}

/** A recorded incident (text and names untrusted). */
export interface RiskIncidentLine {
  readonly at: EpochMs;
  readonly component: string;
  readonly mode: string;
  readonly damage: number | null;
  readonly text: string;
  readonly by: string | null;
}

/** A budget that crossed upwards. */
export interface RiskCrossingLine {
  readonly scope: string;
  readonly to: RiskStatus;
  readonly estimate: number;
  readonly budget: number;
}

/** How a component is built (the framework's trust tiers). */
export type RiskImplementation = 'code' | 'verified_code' | 'narrow_model' | 'llm' | 'human_gate';

/** The scope of the whole system in crossings. */
export const RISK_SYSTEM_SCOPE = 'system';

/** What the risk report shows (`/shiplock risk`, the Home tab). */
export interface RiskView {
  readonly at: EpochMs;
  /** The estimate now and 30 days ago (the trend). */
  readonly now: RiskTotals;
  readonly past: RiskTotals;
  /** Display name and implementation of each component, by id (from the configuration). */
  readonly components: Readonly<Record<string, { readonly name: string; readonly implementation: RiskImplementation }>>;
  /** Each component's chain to production with the multiplied trust and what production inherits. */
  readonly chains: readonly {
    readonly component: string;
    readonly path: readonly string[];
    readonly trust: number;
    readonly production: number;
  }[];
  /** The authority check of the declared graph; empty when it passes. */
  readonly violations: readonly { readonly rule: string; readonly path: readonly string[] }[];
  /** Newest first, a few. */
  readonly incidents: readonly RiskIncidentLine[];
  readonly incidentCount: number;
  readonly stepDown: { readonly scopes: readonly string[]; readonly since: EpochMs } | null;
  readonly lastAcknowledged: { readonly at: EpochMs; readonly by: string; readonly reason: string } | null;
}
