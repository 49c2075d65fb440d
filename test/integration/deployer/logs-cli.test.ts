import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRunRecords } from '../../../src/adapters/db/create-run-records.ts';
import { openDatabase } from '../../../src/adapters/db/open-database.ts';
import type { CliIo } from '../../../src/cli/cli-io.ts';
import { logs } from '../../../src/cli/logs.ts';
import { createTempDir } from '../db/temp-db.ts';

let temp: ReturnType<typeof createTempDir>;
let out: string;
let err: string;
const io: CliIo = {
  stdout: (text) => {
    out += text;
  },
  stderr: (text) => {
    err += text;
  },
  readFile: (path) => readFileSync(path, 'utf8'),
  env: {},
};

beforeEach(() => {
  temp = createTempDir('shiplock-logs-');
  out = '';
  err = '';
  const db = openDatabase(temp.file('shiplock.db'));
  const records = createRunRecords(db);
  writeFileSync(temp.file('unit.log'), 'PASS 12 tests\n\x1b[2Jcleared?\r\n');
  writeFileSync(temp.file('staging.log'), 'deployed\n');
  records.record({
    rolloutId: 'r-7',
    kind: 'gate',
    name: 'unit',
    attempt: 1,
    startedAt: 0,
    finishedAt: 1500,
    details: '',
    logPath: temp.file('unit.log'),
  });
  records.record({
    rolloutId: 'r-7',
    kind: 'deploy',
    name: 'staging',
    attempt: 1,
    startedAt: 2000,
    finishedAt: 6200,
    details: 'tail',
    logPath: temp.file('staging.log'),
  });
  records.record({
    rolloutId: 'r-7',
    kind: 'deploy',
    name: 'rollback',
    attempt: 2,
    startedAt: 7000,
    finishedAt: 7000,
    details: 'no deploy script configured for rollback',
    logPath: null,
  });
  db.close();
});
afterEach(() => temp.remove());

describe('shiplock logs', () => {
  it('lists the runs of a rollout and prints each whole log', () => {
    expect(logs('r-7', temp.file('shiplock.db'), io)).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('rollout r-7: 3 run(s)');
    expect(out).toContain(
      `gate unit #1  1970-01-01T00:00:00.000Z → 1970-01-01T00:00:01.500Z (1.5s)  log: ${temp.file('unit.log')}`,
    );
    expect(out).toContain(`===== deploy staging #1: ${temp.file('staging.log')}\ndeployed\n`);
    expect(out).toContain(
      '===== deploy rollback #2: no log was kept; recorded details:\nno deploy script configured for rollback',
    );
    expect(out.indexOf('gate unit #1')).toBeLessThan(out.indexOf('deploy staging #1'));
  });

  it('neutralises terminal control sequences from the logged output', () => {
    logs('r-7', temp.file('shiplock.db'), io);
    expect(out).toContain('PASS 12 tests\n?[2Jcleared?\n');
    expect(out).not.toContain('\x1b');
    expect(out).not.toContain('\r');
  });

  it('says when a log file is gone', () => {
    rmSync(temp.file('staging.log'));
    expect(logs('r-7', temp.file('shiplock.db'), io)).toBe(0);
    expect(out).toContain(`===== deploy staging #1: cannot read ${temp.file('staging.log')} (it is gone)`);
  });

  it('exits 1 for a rollout with nothing recorded', () => {
    expect(logs('r-unknown', temp.file('shiplock.db'), io)).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/nothing ran for rollout r-unknown/);
  });

  it('exits 2 without a database', () => {
    expect(logs('r-7', temp.file('missing.db'), io)).toBe(2);
    expect(err).toMatch(/no database at/);
  });
});
