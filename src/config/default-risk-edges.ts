import type { RiskEdge } from '../core/risk/risk-types.ts';

/**
 * The seed's authority graph, in the direction output flows. Every check reports pass/fail to the
 * orchestrator ("strict pass/fail gates", principles-to-practice.md), the orchestrator asks the
 * human production gate, and only that gate's approval reaches production ("human approves every
 * production deploy"). The LLM reviewer's text goes to the approvers as advice (DESIGN.md: "to
 * humans only"), so production inherits no trust through it. Trust weights are the seed's
 * (Orchestrator → Static 0.95, → Reviewer 0.80, → Canary 0.90, Human → Orchestrator 0.99,
 * Human → Production 1.0) and the tiers of `TRUST_TIER` for the rest.
 */
export const DEFAULT_RISK_EDGES: readonly RiskEdge[] = [
  { from: 'static_analysis', to: 'orchestrator', kind: 'control', trust: 0.95 },
  { from: 'security_scanner', to: 'orchestrator', kind: 'control', trust: 0.9 },
  { from: 'code_reviewer', to: 'production_deploy', kind: 'advisory', trust: 0.8 },
  { from: 'tests', to: 'orchestrator', kind: 'control', trust: 0.95 },
  { from: 'fuzzer', to: 'orchestrator', kind: 'control', trust: 0.95 },
  { from: 'staging_deploy', to: 'orchestrator', kind: 'control', trust: 0.95 },
  { from: 'canary_analysis', to: 'orchestrator', kind: 'control', trust: 0.9 },
  { from: 'orchestrator', to: 'production_deploy', kind: 'control', trust: 0.99 },
  { from: 'production_deploy', to: 'production', kind: 'approval', trust: 1 },
];
