import type Database from 'better-sqlite3';
import type { RiskLedgerEvent } from '../../core/risk/ledger-types.ts';
import type { OpportunityKind } from '../../core/risk/risk-types.ts';
import type { EpochMs } from '../../core/types.ts';
import { appendEvent } from '../db/append-event.ts';
import { type HashFn, sha256Hex } from '../db/sha256-hex.ts';
import { prepareStoreStatements } from '../db/store-statements.ts';
import { RISK_STREAM } from './risk-stream.ts';

/** The risk stream of the event log: append inside the caller's transaction, read it back. */
export interface RiskLog {
  /** Appends `event` to the hash chain under `policyBody` (the risk settings in force). */
  append(event: RiskLedgerEvent, policyBody: string): number;
  /** The stream in log order. */
  events(): RiskLedgerEvent[];
  /** A cheap fingerprint of the stream (last seq): changes whenever something is appended. */
  version(): number;
  /** When each opportunity of `kind` happened, from the orchestrator's own events. */
  opportunities(kind: OpportunityKind): EpochMs[];
  /** The time of the first event shiplock recorded, or null. */
  since(): EpochMs | null;
}

/** Where each kind of opportunity shows in the log: real activity, already hash-chained. */
const OPPORTUNITY_SQL: Readonly<Record<OpportunityKind, string>> = {
  deploys: "SELECT at FROM events WHERE type = 'DeployFinished' AND json_extract(body, '$.stage') = 'production'",
  reviews: "SELECT at FROM events WHERE type = 'AdvisoryReviewFinished'",
  gate_runs: "SELECT at FROM events WHERE type = 'GateFinished'",
  canary_runs: "SELECT at FROM events WHERE type = 'CanaryJudged'",
};

/**
 * The risk ledger's stream in the same hash-chained `events` table as every pull request (DESIGN.md,
 * Persistence): one row per ledger event, appended by the same `appendEvent` as every decision, the
 * risk settings stored as the row's policy.
 */
export function createRiskLog(db: Database.Database, hash: HashFn = sha256Hex): RiskLog {
  const statements = prepareStoreStatements(db);
  const select = db.prepare<[string], { body: string }>('SELECT body FROM events WHERE pr_key = ? ORDER BY seq');
  const last = db.prepare<[string], { seq: number | null }>('SELECT MAX(seq) AS seq FROM events WHERE pr_key = ?');
  const first = db.prepare<[], { at: number | null }>('SELECT MIN(at) AS at FROM events');
  const byKind = new Map<OpportunityKind, Database.Statement<[], { at: number }>>();
  return {
    append: (event, policyBody) => appendEvent(statements, hash, RISK_STREAM, event, policyBody),
    events: () => select.all(RISK_STREAM).map((row) => JSON.parse(row.body) as RiskLedgerEvent),
    version: () => last.get(RISK_STREAM)?.seq ?? 0,
    opportunities(kind) {
      let statement = byKind.get(kind);
      if (statement === undefined) {
        statement = db.prepare<[], { at: number }>(`${OPPORTUNITY_SQL[kind]} ORDER BY seq`);
        byKind.set(kind, statement);
      }
      return statement.all().map((row) => row.at);
    },
    since: () => first.get()?.at ?? null,
  };
}
