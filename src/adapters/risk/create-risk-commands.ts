import type { RiskConfig } from '../../config/types.ts';
import { checkAuthority } from '../../core/risk/check-authority.ts';
import { delegationChains } from '../../core/risk/delegation-chains.ts';
import { estimateRisk } from '../../core/risk/estimate-risk.ts';
import type { StepDown } from '../../core/risk/fold-risk-ledger.ts';
import type { RiskIncidentRecorded } from '../../core/risk/ledger-types.ts';
import type { AuthorityGraph } from '../../core/risk/risk-types.ts';
import type { EpochMs } from '../../core/types.ts';
import type { RiskView } from '../../render/risk-view.ts';
import type { RiskEngine } from './create-risk-engine.ts';

/** What `/shiplock risk`, `/shiplock incident` and the Home tab need of the ledger. */
export interface RiskCommands {
  view(at: EpochMs): RiskView;
  /** Whether `user` may record incidents and acknowledge a step-down. */
  mayRecord(user: string): boolean;
  /** Component ids with their harm modes, in configuration order. */
  readonly components: readonly { readonly id: string; readonly modes: readonly string[] }[];
  recordIncident(incident: RiskIncidentRecorded): boolean;
  acknowledge(by: string, reason: string, at: EpochMs): boolean;
  stepDown(): StepDown | null;
}

const DAY_MS = 86_400_000;
const RECENT_INCIDENTS = 8;

/**
 * The ledger as the Slack side uses it. `isNamedApprover` decides who may write when
 * `risk.authorized` is not configured (every repository's named approvers).
 */
export function createRiskCommands(
  engine: RiskEngine,
  risk: RiskConfig,
  isNamedApprover: (user: string) => boolean,
): RiskCommands {
  const graph: AuthorityGraph = {
    components: risk.components.map((c) => ({ id: c.id, implementation: c.implementation })),
    edges: risk.edges,
    production: risk.production,
    orchestrator: risk.orchestrator,
  };
  const chains = delegationChains(graph);
  const violations = checkAuthority(graph);
  const components = Object.fromEntries(
    risk.components.map((c) => [c.id, { name: c.name, implementation: c.implementation }]),
  );
  return {
    view(at) {
      const ledger = engine.ledger();
      const record = engine.record();
      return {
        at,
        now: estimateRisk(record, risk, at),
        past: estimateRisk(record, risk, at - 30 * DAY_MS),
        components,
        chains,
        violations,
        incidents: ledger.incidents.slice(-RECENT_INCIDENTS).reverse(),
        incidentCount: ledger.incidents.length,
        stepDown: ledger.stepDown,
        lastAcknowledged: ledger.lastAcknowledged,
      };
    },
    mayRecord: (user) => (risk.authorized === null ? isNamedApprover(user) : risk.authorized.includes(user)),
    components: risk.components.map((c) => ({ id: c.id, modes: c.harmModes.map((m) => m.id) })),
    recordIncident: (incident) => engine.recordIncident(incident),
    acknowledge: (by, reason, at) => engine.acknowledge(by, reason, at),
    stepDown: () => engine.stepDown(),
  };
}
