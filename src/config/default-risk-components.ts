import type { IncidentTrigger } from '../core/risk/ledger-types.ts';
import { priorFor } from '../core/risk/prior-for.ts';
import type { HarmMode, HarmType, Implementation } from '../core/risk/risk-types.ts';
import type { RiskComponentConfig } from './types.ts';

function perMonth(
  implementation: Implementation,
  id: string,
  name: string,
  type: HarmType,
  probability: number,
  damage: number,
): HarmMode {
  return { id, name, type, prior: priorFor(implementation, type, probability), basis: { kind: 'per_month' }, damage };
}

function component(
  id: string,
  name: string,
  implementation: Implementation,
  budget: number,
  modes: readonly (readonly [string, string, HarmType, number, number])[],
): RiskComponentConfig {
  return {
    id,
    name,
    implementation,
    budget,
    blocking: implementation !== 'llm',
    harmModes: modes.map(([modeId, modeName, type, p, damage]) =>
      perMonth(implementation, modeId, modeName, type, p, damage),
    ),
  };
}

/**
 * The seed's components, budgets ($/month) and implementations, exactly as the Delegation Risk
 * framework's code-deployment example has them (design-patterns/principles-to-practice.md;
 * system total 1,950 of an acceptable 2,000), each with harm modes whose P × damage is its budget.
 *
 * The framework gives P and damage only for the canary: P(approve bad deploy) 0.01 × $30,000 =
 * $300. For the others it gives the budget alone; the split into P (per month) and damage below is
 * ours: round damages of the size the harm would cost, P = budget / damage, and where a model's
 * budget is split into accident and defection, the defection P is the framework's prior mean for
 * that kind (narrow ML 0.1 %, general LLM 1 %; probability-priors.md). Each P is the mean of the
 * mode's prior, whose strength comes from the implementation (`priorFor`).
 */
export const DEFAULT_RISK_COMPONENTS: readonly RiskComponentConfig[] = [
  component('static_analysis', 'Static analysis', 'verified_code', 50, [
    ['misses_defect', 'passes a change with a defect it should flag', 'accident', 0.005, 10_000],
  ]),
  component('security_scanner', 'Security scanner', 'narrow_model', 200, [
    ['misses_vulnerability', 'misses a vulnerability in the change', 'accident', 0.01, 15_000],
    ['hides_finding', 'suppresses a finding it made', 'defection', 0.001, 50_000],
  ]),
  component('code_reviewer', 'Code reviewer', 'llm', 500, [
    ['misleads_approvers', 'misleads the approvers about a change', 'accident', 0.05, 8_000],
    ['argues_for_harm', 'argues for a harmful change', 'defection', 0.01, 10_000],
  ]),
  component('tests', 'Unit and integration tests', 'code', 100, [
    ['false_pass', 'pass a broken change', 'accident', 0.01, 10_000],
  ]),
  component('fuzzer', 'Fuzzer', 'code', 150, [['misses_crash', 'misses a crashing input', 'accident', 0.01, 15_000]]),
  component('staging_deploy', 'Staging deploy', 'code', 50, [
    ['breaks_staging', 'a staging deploy damages shared resources', 'accident', 0.01, 5_000],
  ]),
  component('canary_analysis', 'Canary analysis', 'narrow_model', 300, [
    ['approves_bad_deploy', 'approves a bad deploy', 'accident', 0.01, 30_000],
  ]),
  component('orchestrator', 'Orchestrator', 'verified_code', 100, [
    ['skips_gate', 'advances a rollout past a failed gate', 'accident', 0.001, 100_000],
  ]),
  component('production_deploy', 'Production deploy', 'human_gate', 500, [
    ['approves_bad_deploy', 'the approvers let a bad deploy through', 'accident', 0.01, 50_000],
  ]),
];

/** The seed's acceptable delegation risk of the whole system, $/month. */
export const DEFAULT_ACCEPTABLE_RISK = 2000;

/** Warn when spend reaches this fraction of a budget (the framework's 80 %). */
export const DEFAULT_RISK_WARN_AT = 0.8;

/**
 * Half-life of the evidence: the framework recommends 30–90 days for established components; the
 * long end, because harm events are rare and P is per month.
 */
export const DEFAULT_HALF_LIFE_MS = 90 * 86_400_000;

/** The node that stands for the production environment in `risk.edges`. */
export const DEFAULT_PRODUCTION_NODE = 'production';

/** The component that decides; the authority check requires it to be verified code. */
export const DEFAULT_ORCHESTRATOR = 'orchestrator';

/**
 * Which harm mode each automatic incident charges by default (docs/risk.md, "The ledger"): a
 * production rollback and an alert after promotion are the canary analysis approving a bad deploy
 * (the canary exists to catch exactly that before production); a failed production deploy is the
 * tests passing a change that does not work.
 */
export const DEFAULT_INCIDENT_MAPPING: Readonly<Record<IncidentTrigger, readonly string[]>> = {
  production_rollback: ['canary_analysis.approves_bad_deploy'],
  deploy_failed: ['tests.false_pass'],
  alert_after_promotion: ['canary_analysis.approves_bad_deploy'],
};
