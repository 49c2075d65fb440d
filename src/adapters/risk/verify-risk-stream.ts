import type Database from 'better-sqlite3';
import type { RiskLedgerEvent } from '../../core/risk/ledger-types.ts';
import { type AuditFailure, auditFailure } from '../db/audit-result.ts';
import { RISK_STREAM } from './risk-stream.ts';

const TYPES: ReadonlySet<string> = new Set<RiskLedgerEvent['type']>([
  'RiskIncidentRecorded',
  'RiskBudgetCrossed',
  'RiskAcknowledged',
]);

/**
 * The risk ledger's part of `shiplock audit verify` (the chain walk already checked every row's
 * hash and link): each row of the stream is a ledger event with a string key, and no key repeats,
 * so an incident can neither be charged twice nor be something the ledger cannot read.
 */
export function verifyRiskStream(db: Database.Database): AuditFailure | null {
  const keys = new Set<string>();
  const rows = db.prepare<[string], { seq: number; body: string }>(
    'SELECT seq, body FROM events WHERE pr_key = ? ORDER BY seq',
  );
  for (const row of rows.iterate(RISK_STREAM)) {
    const event = JSON.parse(row.body) as { type?: unknown; key?: unknown };
    const fail = (detail: string) => auditFailure('risk_event_invalid', row.seq, detail, RISK_STREAM);
    if (typeof event.type !== 'string' || !TYPES.has(event.type)) {
      return fail(`row ${row.seq} of the risk ledger is no ledger event`);
    }
    if (typeof event.key !== 'string' || keys.has(event.key)) {
      return fail(`row ${row.seq} of the risk ledger repeats or lacks its key`);
    }
    keys.add(event.key);
  }
  return null;
}
