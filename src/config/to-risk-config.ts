import { carriesAuthority } from '../core/risk/carries-authority.ts';
import type { IncidentMapping } from '../core/risk/derive-incidents.ts';
import type { HarmModeRef, IncidentTrigger } from '../core/risk/ledger-types.ts';
import { priorFor } from '../core/risk/prior-for.ts';
import type { HarmMode, RiskEdge } from '../core/risk/risk-types.ts';
import { TRUST_TIER } from '../core/risk/trust-tier.ts';
import type { RawConfig } from './config-schema.ts';
import { DEFAULT_INCIDENT_MAPPING, DEFAULT_RISK_COMPONENTS } from './default-risk-components.ts';
import { DEFAULT_RISK_EDGES } from './default-risk-edges.ts';
import type { Implementation, RiskComponentConfig, RiskConfig } from './types.ts';

type RawRisk = RawConfig['risk'];
type RawComponent = NonNullable<RawRisk['components']>[number];
type RawHarmMode = RawComponent['harm_modes'][number];

const DAY_MS = 86_400_000;

function toHarmMode(mode: RawHarmMode, implementation: Implementation): HarmMode {
  return {
    id: mode.id,
    name: mode.name ?? mode.id,
    type: mode.type,
    // The schema guarantees exactly one of `prior` and `probability`.
    prior: mode.prior ?? priorFor(implementation, mode.type, mode.probability ?? 0),
    basis:
      mode.basis === 'per_month'
        ? { kind: 'per_month' }
        : {
            kind: 'per_opportunity',
            opportunity: mode.opportunity ?? 'deploys',
            perMonth: mode.opportunities_per_month ?? 0,
          },
    damage: mode.damage,
  };
}

/**
 * Maps the schema-checked `risk:` section to the configuration: the seed's components and graph
 * where none are written (no edges when components are written without them), point
 * probabilities expanded to priors (`priorFor`), edge trust defaulted by the sender's tier, and
 * `blocking` defaulted to "has a control or approval edge" (never for an LLM).
 */
export function toRiskConfig(risk: RawRisk): RiskConfig {
  const kinds = new Map<string, Implementation>(
    (risk.components ?? DEFAULT_RISK_COMPONENTS).map((c) => [c.id, c.implementation]),
  );
  const edges: readonly RiskEdge[] =
    risk.edges?.map((e) => ({
      from: e.from,
      to: e.to,
      kind: e.kind,
      trust: e.trust ?? TRUST_TIER[kinds.get(e.from) ?? 'llm'],
    })) ?? (risk.components === undefined ? DEFAULT_RISK_EDGES : []);
  const components: readonly RiskComponentConfig[] =
    risk.components?.map((c) => ({
      id: c.id,
      name: c.name ?? c.id,
      implementation: c.implementation,
      budget: c.budget,
      blocking:
        c.blocking ?? (c.implementation !== 'llm' && edges.some((e) => e.from === c.id && carriesAuthority(e.kind))),
      harmModes: c.harm_modes.map((m) => toHarmMode(m, c.implementation)),
    })) ?? DEFAULT_RISK_COMPONENTS;
  return {
    acceptable: risk.acceptable,
    warnAt: risk.warn_at,
    halfLifeDays: risk.half_life / DAY_MS,
    production: risk.production,
    orchestrator: risk.orchestrator,
    components,
    edges,
    incidents: toIncidentMapping(risk.incidents, components),
    authorized: risk.authorized === undefined ? null : [...new Set(risk.authorized)],
  };
}

/**
 * `risk.incidents` with its defaults. A written trigger must name existing harm modes (`checkRisk`
 * says so at boot); a default that names a mode the written components do not have is dropped.
 */
function toIncidentMapping(written: RawRisk['incidents'], components: readonly RiskComponentConfig[]): IncidentMapping {
  const exists = (ref: HarmModeRef) =>
    components.some((c) => c.id === ref.component && c.harmModes.some((m) => m.id === ref.mode));
  const refsOf = (trigger: IncidentTrigger): HarmModeRef[] =>
    (written[trigger] ?? DEFAULT_INCIDENT_MAPPING[trigger])
      .map((text): HarmModeRef => {
        const [component = '', mode = ''] = text.split('.');
        return { component, mode };
      })
      .filter(exists);
  return {
    production_rollback: refsOf('production_rollback'),
    deploy_failed: refsOf('deploy_failed'),
    alert_after_promotion: refsOf('alert_after_promotion'),
  };
}
