import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readChainHead, recordAuditCheckpoint } from '../../../src/adapters/db/audit-checkpoint.ts';
import { createSqliteStore } from '../../../src/adapters/db/create-sqlite-store.ts';
import { openDatabase } from '../../../src/adapters/db/open-database.ts';
import { sha256Hex } from '../../../src/adapters/db/sha256-hex.ts';
import { verifyAuditLog } from '../../../src/adapters/db/verify-audit-log.ts';
import type { Store } from '../../../src/shell/ports.ts';
import { POLICY } from '../../support/core-fixtures.ts';
import { commitEvent } from './commit-event.ts';
import { driveScenario } from './drive-scenario.ts';
import { happyPath } from './happy-path.ts';
import { createRandom } from './seeded-random.ts';
import { rewrite } from './tamper-log.ts';
import { openAsAttacker } from './tamper-tools.ts';
import { createTempDir } from './temp-db.ts';

const T0 = Date.UTC(2025, 0, 6, 9);
let tmp: ReturnType<typeof createTempDir>;
let db: Database.Database;
let store: Store;

beforeEach(() => {
  tmp = createTempDir();
  db = openDatabase(tmp.file('shiplock.db'));
  store = createSqliteStore(db);
});
afterEach(() => {
  if (db.open) db.close();
  tmp.remove();
});

describe('verifyAuditLog on clean logs', () => {
  it('passes an empty log', () => {
    expect(verifyAuditLog(db)).toEqual({ ok: true, count: 0, headSeq: 0, headHash: '0'.repeat(64) });
    expect(verifyAuditLog(db, { expectHead: { seq: 0, hash: '0'.repeat(64) } }).ok).toBe(true);
  });

  it('passes a few hundred events of realistic traffic, head and replay included', () => {
    let started = performance.now();
    const stats = driveScenario(store, { seed: 7, events: 400 });
    const driveMs = performance.now() - started;
    started = performance.now();
    const result = verifyAuditLog(db);
    const verifyMs = performance.now() - started;
    const head = readChainHead(db);
    expect(result).toEqual({ ok: true, count: stats.committed, headSeq: head.seq, headHash: head.hash });
    const phases = db.prepare('SELECT phase, COUNT(*) AS n FROM rollouts GROUP BY phase ORDER BY phase').all();
    console.log(
      `clean log: ${stats.committed} events (${stats.redeliveries} redeliveries dropped) driven in ${driveMs.toFixed(0)} ms ` +
        `with every outbox/timer write; audit in ${verifyMs.toFixed(1)} ms\n` +
        `events ${JSON.stringify(stats.byType)}\nrollouts ${JSON.stringify(phases)}`,
    );
    expect(Object.keys(stats.byType).length).toBeGreaterThanOrEqual(15);
  });

  it('accepts an external head at any earlier row, and refuses one that the log does not contain', () => {
    for (const e of happyPath('r1', T0)) commitEvent(store, 'acme/api#7', e, POLICY);
    const row = store.readEvents(6, 1)[0]!;
    expect(verifyAuditLog(db, { expectHead: { seq: row.seq, hash: row.hash } }).ok).toBe(true);
    expect(verifyAuditLog(db, { expectHead: { seq: row.seq, hash: 'f'.repeat(64) } })).toMatchObject({
      ok: false,
      problem: 'checkpoint_mismatch',
      firstBadSeq: 7,
    });
    expect(verifyAuditLog(db, { expectHead: { seq: 20, hash: row.hash } })).toMatchObject({
      ok: false,
      problem: 'checkpoint_mismatch',
      firstBadSeq: 15,
    });
  });

  it('reads one consistent version from a second connection while the bot keeps its own open', () => {
    driveScenario(store, { seed: 3, events: 60 });
    const auditor = openDatabase(tmp.file('shiplock.db'));
    expect(verifyAuditLog(auditor, { hash: sha256Hex })).toMatchObject({ ok: true });
    auditor.close();
  });
});

describe('stored checkpoints', () => {
  it('catch a consistent rewrite when the attacker forgets the checkpoint rows', () => {
    driveScenario(store, { seed: 11, events: 120 });
    const checkpoint = recordAuditCheckpoint(db, T0);
    expect(checkpoint).toEqual({ ...readChainHead(db), at: T0 });
    expect(verifyAuditLog(db).ok).toBe(true);
    openAsAttacker(db);
    db.transaction(() => rewrite('delete').apply(db, createRandom(1), sha256Hex))();
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, problem: 'checkpoint_mismatch' });
  });

  it('must themselves be links of the chain', () => {
    driveScenario(store, { seed: 12, events: 30 });
    recordAuditCheckpoint(db, T0);
    db.prepare("UPDATE audit_checkpoints SET hash = 'ab' || substr(hash, 3)").run();
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, problem: 'checkpoint_mismatch' });
  });
});

describe('rows outside the chain', () => {
  it('reports a snapshot without events and a stray edited policy', () => {
    for (const e of happyPath('r1', T0).slice(0, 3)) commitEvent(store, 'acme/api#7', e, POLICY);
    db.prepare("INSERT INTO policies (hash, body) VALUES ('00ff', '{}')").run();
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, problem: 'policy_hash_mismatch', firstBadSeq: null });
    db.exec('DROP TRIGGER policies_immutable_delete');
    db.prepare("DELETE FROM policies WHERE hash = '00ff'").run();
    db.prepare("INSERT INTO pull_requests VALUES ('acme/api#8', 'acme/api', 8, 0, NULL, 1, 0)").run();
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, problem: 'snapshot_orphan', prKey: 'acme/api#8' });
  });

  it('cannot be rewritten by accident: events and policies are append-only in the schema', () => {
    commitEvent(store, 'acme/api#7', happyPath('r1', T0)[0]!, POLICY);
    expect(() => db.prepare('UPDATE events SET at = 0').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE policies SET body = '{}'").run()).toThrow(/immutable/);
  });
});
