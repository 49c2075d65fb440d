import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRunRecords } from '../../../src/adapters/db/create-run-records.ts';
import { openDatabase } from '../../../src/adapters/db/open-database.ts';
import type { RunRecord } from '../../../src/adapters/runs/run-record.ts';
import { createTempDir } from '../db/temp-db.ts';

let temp: ReturnType<typeof createTempDir>;
let db: ReturnType<typeof openDatabase>;

beforeEach(() => {
  temp = createTempDir();
  db = openDatabase(temp.file('shiplock.db'));
});
afterEach(() => {
  db.close();
  temp.remove();
});

const deploy: RunRecord = {
  rolloutId: 'r-1',
  kind: 'deploy',
  name: 'staging',
  attempt: 1,
  startedAt: 1_000,
  finishedAt: 5_200,
  details: 'deployed web@abc\n',
  logPath: '/var/lib/shiplock/logs/r-1/staging-epoch1.log',
};
const gate: RunRecord = { ...deploy, kind: 'gate', name: 'unit', attempt: 2, startedAt: 500, logPath: null };

describe('run records', () => {
  it('exist as a STRICT table in a fresh database', () => {
    const table = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'run_records'").get() as
      | { sql: string }
      | undefined;
    expect(table?.sql).toMatch(/STRICT/);
    const index = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'run_records'").all();
    expect(index).toContainEqual({ name: 'run_records_by_rollout' });
  });

  it('finds what was recorded and lists a rollout oldest first', () => {
    const records = createRunRecords(db);
    records.record(deploy);
    records.record(gate);
    records.record({ ...gate, rolloutId: 'r-2' });
    expect(records.find('r-1', 'deploy', 'staging', 1)).toEqual(deploy);
    expect(records.find('r-1', 'deploy', 'staging', 2)).toBeNull();
    expect(records.list('r-1')).toEqual([gate, deploy]);
    expect(records.list('r-unknown')).toEqual([]);
  });

  it('replaces the record of the same attempt', () => {
    const records = createRunRecords(db);
    records.record(deploy);
    records.record({ ...deploy, finishedAt: 9_000, details: 'second try', logPath: null });
    expect(records.list('r-1')).toEqual([{ ...deploy, finishedAt: 9_000, details: 'second try', logPath: null }]);
  });

  it('rejects a kind it does not know and a non-integer attempt', () => {
    const insert = db.prepare('INSERT INTO run_records VALUES (?, ?, ?, ?, 1, 2, ?, NULL)');
    expect(() => insert.run('r-1', 'other', 'x', 1, '')).toThrow(/CHECK/);
    expect(() => insert.run('r-1', 'gate', 'x', 'one', '')).toThrow(/cannot store TEXT value in INTEGER column/);
  });
});
