/**
 * Delegation-risk math (the Delegation Risk framework, docs/risk.md): priors by implementation,
 * the beta-binomial update with time decay, Σ P × damage with 90 % intervals, budgets, the
 * authority check of the declared architecture and trust along delegation chains.
 */
export type { AuthorityRule, AuthorityViolation } from './authority-violation.ts';
export { betaMean } from './beta-mean.ts';
export { betaQuantile } from './beta-quantile.ts';
export { type BudgetStatus, budgetStatus } from './budget-status.ts';
export { carriesAuthority } from './carries-authority.ts';
export { type ChainTrust, chainTrust } from './chain-trust.ts';
export { checkAuthority } from './check-authority.ts';
export { type DelegationChain, delegationChains } from './delegation-chains.ts';
export { type ComponentRisk, delegationRisk, type HarmModeRisk, type MonthlyVolumes } from './delegation-risk.ts';
export { deriveIncidents, type IncidentMapping } from './derive-incidents.ts';
export { estimateRisk, type RiskRecord, type RiskSettings } from './estimate-risk.ts';
export { findBypass } from './find-bypass.ts';
export { foldRiskLedger, type RiskLedger, type StepDown } from './fold-risk-ledger.ts';
export * from './ledger-types.ts';
export {
  ADVERSARIAL_WEIGHT,
  DAYS_PER_MONTH,
  type Posterior,
  type PosteriorOptions,
  posteriorOf,
} from './posterior-of.ts';
export { PRIOR_STRENGTH, priorFor } from './prior-for.ts';
export { riskCrossings } from './risk-crossings.ts';
export type * from './risk-types.ts';
export { STEP_DOWN, stepDownPolicy } from './step-down-policy.ts';
export { type ComponentSpend, type SystemRisk, systemRisk } from './system-risk.ts';
export { TRUST_TIER } from './trust-tier.ts';
