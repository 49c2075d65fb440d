import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { RiskConfig } from '../../config/types.ts';
import { canonicalJson } from '../../core/canonical-json.ts';
import { deriveIncidents } from '../../core/risk/derive-incidents.ts';
import { estimateRisk, type RiskRecord } from '../../core/risk/estimate-risk.ts';
import { foldRiskLedger, type RiskLedger, type StepDown } from '../../core/risk/fold-risk-ledger.ts';
import type { RiskBudgetCrossed, RiskIncidentRecorded, RiskLedgerEvent } from '../../core/risk/ledger-types.ts';
import { riskCrossings } from '../../core/risk/risk-crossings.ts';
import type { OpportunityKind } from '../../core/risk/risk-types.ts';
import type { SystemRisk } from '../../core/risk/system-risk.ts';
import type { EpochMs, Event, PullRequestState } from '../../core/types.ts';
import type { HashFn } from '../db/sha256-hex.ts';
import { createRiskLog, type RiskLog } from './create-risk-log.ts';

/** A budget crossed upwards (to `warn` or `over`): the deploy channels are told once. */
export interface RiskNotice {
  readonly crossing: RiskBudgetCrossed;
  readonly system: SystemRisk;
}

/** What the engine is built from. */
export interface RiskEngineOptions {
  readonly db: Database.Database;
  readonly risk: RiskConfig;
  readonly logger: Logger;
  /** Posts a warning; called after the transaction that recorded the crossing committed. */
  readonly notify: (notice: RiskNotice) => Promise<void>;
  readonly hash?: HashFn;
}

/** A decision as the store commits it. */
export interface CommittedDecision {
  readonly before: PullRequestState | null;
  readonly after: PullRequestState | null;
  readonly event: Event;
}

/** The risk ledger, its estimates and its enforcement. */
export interface RiskEngine {
  /** Inside the decision's transaction: records the incidents it caused and any budget crossing. */
  onCommit(decision: CommittedDecision): void;
  /** Records a human's incident (own transaction); false when its key is in the ledger already. */
  recordIncident(incident: RiskIncidentRecorded): boolean;
  /** Lifts the step-down (own transaction); false when autonomy was not stepped down. */
  acknowledge(by: string, reason: string, at: EpochMs): boolean;
  ledger(): RiskLedger;
  stepDown(): StepDown | null;
  /** What the estimates are computed from (read once, then `estimateRisk` at any time). */
  record(): RiskRecord;
  /** Notices waiting for their transaction: a mark to roll back to, and the flush after commit. */
  pendingMark(): number;
  dropPending(mark: number): void;
  flush(): void;
}

/** Events after which the estimate may have moved without an incident (a deploy is an opportunity). */
const REEVALUATE_ON: ReadonlySet<Event['type']> = new Set(['DeployFinished', 'VerificationCompleted']);

const RANK = { ok: 0, warn: 1, over: 2 } as const;

/**
 * The ledger on the shiplock database (issue #7). Incidents, crossings and acknowledgements go to
 * the risk stream of the hash-chained log, in the transaction of the decision that caused them.
 */
export function createRiskEngine(options: RiskEngineOptions): RiskEngine {
  const { db, risk, logger } = options;
  const log: RiskLog = createRiskLog(db, options.hash);
  const policyBody = canonicalJson({
    acceptable: risk.acceptable,
    warnAt: risk.warnAt,
    halfLifeDays: risk.halfLifeDays,
    components: risk.components,
    incidents: risk.incidents,
    authorized: risk.authorized,
  });
  const kinds = [
    ...new Set(
      risk.components.flatMap((c) =>
        c.harmModes.flatMap((m) => (m.basis.kind === 'per_opportunity' ? [m.basis.opportunity] : [])),
      ),
    ),
  ];
  // Before a scope's first recorded crossing its level is what the priors alone give: the seed's
  // components sit at their budgets by construction, and that is no news worth a warning.
  const baseline = Object.fromEntries(
    riskCrossings({}, estimateRisk({ incidents: [], opportunities: {}, since: null }, risk, 0), 0).map((c) => [
      c.scope,
      c.to,
    ]),
  );
  let cached: { version: number; ledger: RiskLedger } | null = null;
  const pending: RiskNotice[] = [];

  const ledger = (): RiskLedger => {
    const version = log.version();
    if (cached?.version !== version) cached = { version, ledger: foldRiskLedger(log.events()) };
    return cached.ledger;
  };
  const record = (): RiskRecord => ({
    incidents: ledger().incidents,
    opportunities: Object.fromEntries(kinds.map((k) => [k, log.opportunities(k)])) as Record<
      OpportunityKind,
      EpochMs[]
    >,
    since: log.since(),
  });
  const append = (event: RiskLedgerEvent): void => {
    log.append(event, policyBody);
  };

  /** Records every status change; warns about those that went up. */
  const evaluate = (at: EpochMs): void => {
    const system = estimateRisk(record(), risk, at);
    for (const crossing of riskCrossings({ ...baseline, ...ledger().levels }, system, at)) {
      append(crossing);
      if (RANK[crossing.to] > RANK[crossing.from]) pending.push({ crossing, system });
    }
  };
  const write = <T>(fn: () => T): T => db.transaction(fn).immediate();

  return {
    onCommit({ before, after, event }) {
      const derived = deriveIncidents(before, after, event, risk.incidents);
      // Most decisions cause no incident: the ledger is read only for those that do.
      const known = derived.length === 0 ? new Set<string>() : ledger().keys;
      const incidents = derived.filter((i) => !known.has(i.key));
      for (const incident of incidents) append(incident);
      if (incidents.length > 0 || REEVALUATE_ON.has(event.type)) evaluate(event.at);
    },
    recordIncident(incident) {
      const recorded = write(() => {
        if (ledger().keys.has(incident.key)) return false;
        append(incident);
        evaluate(incident.at);
        return true;
      });
      this.flush();
      return recorded;
    },
    acknowledge(by, reason, at) {
      return write(() => {
        if (ledger().stepDown === null) return false;
        append({ type: 'RiskAcknowledged', at, key: `ack:${by}:${at}`, by, reason });
        return true;
      });
    },
    ledger,
    stepDown: () => ledger().stepDown,
    record,
    pendingMark: () => pending.length,
    dropPending(mark) {
      pending.splice(mark);
    },
    flush() {
      for (const notice of pending.splice(0)) {
        options.notify(notice).catch((error: unknown) => {
          logger.error({ err: error, scope: notice.crossing.scope }, 'risk warning not posted');
        });
      }
    },
  };
}
