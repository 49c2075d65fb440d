import { copyFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChainHead } from '../../../src/adapters/db/audit-checkpoint.ts';
import type { AuditHead, AuditResult } from '../../../src/adapters/db/audit-result.ts';
import { createSqliteStore } from '../../../src/adapters/db/create-sqlite-store.ts';
import { openDatabase } from '../../../src/adapters/db/open-database.ts';
import { sha256Hex } from '../../../src/adapters/db/sha256-hex.ts';
import { verifyAuditLog } from '../../../src/adapters/db/verify-audit-log.ts';
import { driveScenario } from './drive-scenario.ts';
import { createRandom, type Random } from './seeded-random.ts';
import { openAsAttacker } from './tamper-tools.ts';
import type { Tampering } from './tampering.ts';
import { TAMPERINGS } from './tamperings.ts';
import { createTempDir } from './temp-db.ts';

const SEED = 20_250_106;
const RUNS_PER_KIND = 40;
const LOG_EVENTS = 300;

interface Tally {
  runs: number;
  detected: number;
  withoutCheckpoint: number;
  named: number;
  problems: Map<string, number>;
}

let tmp: ReturnType<typeof createTempDir>;
let base: string;
let head: AuditHead;

beforeAll(() => {
  tmp = createTempDir('shiplock-tamper-');
  base = tmp.file('base.db');
  const db = openDatabase(base);
  const { committed } = driveScenario(createSqliteStore(db), { seed: SEED, events: LOG_EVENTS });
  head = readChainHead(db);
  expect(verifyAuditLog(db)).toMatchObject({ ok: true, count: committed });
  db.close();
});
afterAll(() => tmp.remove());

/** Tampers with a fresh copy of the clean log as an attacker would, then audits it as shiplock would. */
function tamperAndVerify(
  t: Tampering,
  index: number,
  rnd: Random,
): { readonly expectedSeq: number | null; readonly plain: AuditResult; readonly checked: AuditResult } {
  const file = tmp.file(`tampered-${index}.db`);
  copyFileSync(base, file);
  const raw = new Database(file);
  openAsAttacker(raw);
  const expectedSeq = raw.transaction(() => t.apply(raw, rnd, sha256Hex))();
  raw.close();
  const db = openDatabase(file);
  const plain = verifyAuditLog(db);
  const checked = verifyAuditLog(db, { expectHead: head });
  db.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  return { expectedSeq, plain, checked };
}

describe('verifyAuditLog against tampering', () => {
  // About 15 ms a tampering on an idle machine (file copy, tamper, reopen, two audits); leave room.
  it(`detects ${RUNS_PER_KIND * TAMPERINGS.length} random tamperings of a ${LOG_EVENTS}-event log, every kind`, () => {
    const rnd = createRandom(SEED);
    const tallies = new Map<string, Tally>(
      TAMPERINGS.map((t) => [t.kind, { runs: 0, detected: 0, withoutCheckpoint: 0, named: 0, problems: new Map() }]),
    );
    const missed: string[] = [];
    const misnamed: string[] = [];
    const started = performance.now();
    for (let i = 0; i < RUNS_PER_KIND * TAMPERINGS.length; i += 1) {
      const t = TAMPERINGS[i % TAMPERINGS.length]!;
      const { expectedSeq, plain, checked } = tamperAndVerify(t, i, rnd);
      // Consistent rewrites are only promised to be caught against a head known from outside.
      const result = t.onlyExternal === true ? checked : plain;
      const tally = tallies.get(t.kind)!;
      tally.runs += 1;
      if (!plain.ok) tally.withoutCheckpoint += 1;
      if (result.ok) missed.push(`${t.kind} #${i}`);
      else {
        tally.detected += 1;
        tally.problems.set(result.problem, (tally.problems.get(result.problem) ?? 0) + 1);
        expect(result.detail.length).toBeGreaterThan(0);
        // The audit names the first bad row wherever the tampering implies one.
        if (expectedSeq !== null) {
          tally.named += 1;
          if (result.firstBadSeq !== expectedSeq)
            misnamed.push(`${t.kind} #${i}: ${result.firstBadSeq} ≠ ${expectedSeq}`);
        }
      }
    }
    const elapsed = performance.now() - started;
    const total = [...tallies.values()].reduce((n, t) => n + t.runs, 0);
    const lines = [...tallies].map(([kind, t]) => {
      const problems = [...t.problems].map(([p, n]) => `${p}×${n}`).join(' ');
      return `${kind.padEnd(24)} ${String(t.detected).padStart(3)}/${t.runs}  (no checkpoint: ${t.withoutCheckpoint}/${t.runs}, row named: ${t.named})  ${problems}`;
    });
    console.log(
      [
        `tampering audit: ${total} tamperings, ${total - missed.length} detected, in ${(elapsed / 1000).toFixed(1)} s (${(elapsed / total).toFixed(1)} ms each, copy + tamper + 2 audits)`,
        ...lines,
      ].join('\n'),
    );
    expect(missed).toEqual([]);
    expect(misnamed).toEqual([]);
    expect(total).toBeGreaterThanOrEqual(1000);
  }, 300_000);
});
