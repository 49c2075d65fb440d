import type { RiskComponentConfig } from './types.ts';

/**
 * The seed's delegation-risk budgets in $/month, exactly as the Delegation Risk framework's
 * code-deployment example allocates them (system total 1,950 of an acceptable 2,000), with the
 * implementation the framework gives each component (design-patterns/principles-to-practice.md).
 */
export const DEFAULT_RISK_COMPONENTS: readonly RiskComponentConfig[] = [
  { id: 'static_analysis', name: 'Static analysis', implementation: 'verified_code', budget: 50, harmModes: [] },
  { id: 'security_scanner', name: 'Security scanner', implementation: 'narrow_model', budget: 200, harmModes: [] },
  { id: 'code_reviewer', name: 'Code reviewer', implementation: 'llm', budget: 500, harmModes: [] },
  { id: 'tests', name: 'Unit and integration tests', implementation: 'code', budget: 100, harmModes: [] },
  { id: 'fuzzer', name: 'Fuzzer', implementation: 'code', budget: 150, harmModes: [] },
  { id: 'staging_deploy', name: 'Staging deploy', implementation: 'code', budget: 50, harmModes: [] },
  { id: 'canary_analysis', name: 'Canary analysis', implementation: 'narrow_model', budget: 300, harmModes: [] },
  { id: 'orchestrator', name: 'Orchestrator', implementation: 'verified_code', budget: 100, harmModes: [] },
  { id: 'production_deploy', name: 'Production deploy', implementation: 'human_gate', budget: 500, harmModes: [] },
];

/** The seed's acceptable delegation risk of the whole system, $/month. */
export const DEFAULT_ACCEPTABLE_RISK = 2000;

/** Warn when spend reaches this fraction of a budget. */
export const DEFAULT_RISK_WARN_AT = 0.8;
