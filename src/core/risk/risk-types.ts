/**
 * The delegation-risk model of the Delegation Risk framework (QURI, code-deployment example):
 * components with harm modes (P × damage, $/month) and the authority graph between them.
 * Config maps `risk:` in shiplock.yml onto these types; the functions of this folder are pure.
 */
import type { EpochMs } from '../types.ts';

/** How a component is built; it sets the strength of its prior (see `priorFor`). */
export type Implementation = 'code' | 'verified_code' | 'narrow_model' | 'llm' | 'human_gate';

/** The framework's two kinds of failure: capability limits and bugs, or intentional misbehaviour. */
export type HarmType = 'accident' | 'defection';

/** Real activity a per-opportunity probability is counted against. */
export type OpportunityKind = 'deploys' | 'reviews' | 'gate_runs' | 'canary_runs';

/** A beta distribution on a failure probability: mean α / (α + β), strength α + β. */
export interface BetaPrior {
  readonly alpha: number;
  readonly beta: number;
}

/**
 * What one trial of a harm mode is. `per_month`: one month (the seed's P is per month).
 * `per_opportunity`: one deploy, review, … ; the monthly risk is P × opportunities per month,
 * `perMonth` being the expected volume until real activity is counted.
 */
export type HarmBasis =
  | { readonly kind: 'per_month' }
  | { readonly kind: 'per_opportunity'; readonly opportunity: OpportunityKind; readonly perMonth: number };

/** One way a component can cause harm. */
export interface HarmMode {
  readonly id: string;
  readonly name: string;
  readonly type: HarmType;
  /** Prior on the probability per trial (month or opportunity). */
  readonly prior: BetaPrior;
  readonly basis: HarmBasis;
  /** Dollars lost when it happens. */
  readonly damage: number;
}

/** A component of the pipeline with its monthly budget in dollars. */
export interface RiskComponent {
  readonly id: string;
  readonly name: string;
  readonly implementation: Implementation;
  readonly budget: number;
  readonly harmModes: readonly HarmMode[];
}

/**
 * How output flows from one component to another. `control` and `approval` carry authority (the
 * receiver acts on it); `data` and `advisory` do not (advisory output reaches humans only).
 */
export type EdgeKind = 'data' | 'advisory' | 'control' | 'approval';

/** An edge of the authority graph, in the direction output flows (towards production). */
export interface RiskEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  /** The receiver's trust in the sender (the framework's Trust(receiver → sender)), 0..1, for display. */
  readonly trust: number;
}

/** The declared architecture the authority check reads. */
export interface AuthorityGraph {
  readonly components: readonly Pick<RiskComponent, 'id' | 'implementation'>[];
  readonly edges: readonly RiskEdge[];
  /** The node that stands for the production environment; not a component. */
  readonly production: string;
  /** The id of the component that decides (must be verified code). */
  readonly orchestrator: string;
}

/** A harm that happened; an adversarial one (an exploit found by a red team) counts 3×. */
export interface Incident {
  readonly at: EpochMs;
  readonly adversarial?: boolean;
}

/**
 * The track record of one harm mode. `per_month`: observed since `since`, incidents counted
 * against elapsed months. `per_opportunity`: the time of each opportunity (deploy, review, …).
 */
export type HarmRecord =
  | { readonly kind: 'per_month'; readonly since: EpochMs; readonly incidents: readonly Incident[] }
  | {
      readonly kind: 'per_opportunity';
      readonly opportunities: readonly EpochMs[];
      readonly incidents: readonly Incident[];
    };

/** A value with its 90 % interval (5th and 95th percentiles). */
export interface Estimate {
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
}
