import type Database from 'better-sqlite3';
import type { RunRecord, RunRecorder } from '../runs/run-record.ts';

/** Reads and writes the `run_records` table (migration 0004). */
export interface RunRecords extends RunRecorder {
  /** Saves the record, replacing the one with the same rollout, kind, name and attempt. */
  record(record: RunRecord): void;
  find(rolloutId: string, kind: RunRecord['kind'], name: string, attempt: number): RunRecord | null;
  /** The rollout's records, oldest first. */
  list(rolloutId: string): readonly RunRecord[];
}

interface RunRecordRow {
  readonly rollout_id: string;
  readonly kind: string;
  readonly name: string;
  readonly attempt: number;
  readonly started_at: number;
  readonly finished_at: number;
  readonly details: string;
  readonly log_path: string | null;
}

const COLUMNS = 'rollout_id, kind, name, attempt, started_at, finished_at, details, log_path';

function toRunRecord(row: RunRecordRow): RunRecord {
  return {
    rolloutId: row.rollout_id,
    // The table's CHECK constraint admits only these two.
    kind: row.kind === 'deploy' ? 'deploy' : 'gate',
    name: row.name,
    attempt: row.attempt,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    details: row.details,
    logPath: row.log_path,
  };
}

/** The run records on the shiplock database; each write is one statement, so one implicit transaction. */
export function createRunRecords(db: Database.Database): RunRecords {
  const upsert = db.prepare<[string, string, string, number, number, number, string, string | null]>(
    `INSERT INTO run_records (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (rollout_id, kind, name, attempt) DO UPDATE SET
       started_at = excluded.started_at, finished_at = excluded.finished_at,
       details = excluded.details, log_path = excluded.log_path`,
  );
  const select = db.prepare<[string, string, string, number], RunRecordRow>(
    `SELECT ${COLUMNS} FROM run_records WHERE rollout_id = ? AND kind = ? AND name = ? AND attempt = ?`,
  );
  const selectAll = db.prepare<[string], RunRecordRow>(
    `SELECT ${COLUMNS} FROM run_records WHERE rollout_id = ? ORDER BY started_at, kind, name, attempt`,
  );
  return {
    record: (r) => {
      upsert.run(r.rolloutId, r.kind, r.name, r.attempt, r.startedAt, r.finishedAt, r.details, r.logPath);
    },
    find: (rolloutId, kind, name, attempt) => {
      const row = select.get(rolloutId, kind, name, attempt);
      return row === undefined ? null : toRunRecord(row);
    },
    list: (rolloutId) => selectAll.all(rolloutId).map(toRunRecord),
  };
}
