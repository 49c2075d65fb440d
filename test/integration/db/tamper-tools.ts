import type Database from 'better-sqlite3';
import { chainHash, GENESIS_HASH } from '../../../src/adapters/db/chain-hash.ts';
import type { HashFn } from '../../../src/adapters/db/sha256-hex.ts';
import type { EventRecord } from '../../../src/adapters/db/sql-rows.ts';
import { canonicalJson } from '../../../src/core/canonical-json.ts';
import { replay } from '../../../src/core/replay.ts';
import type { Event, Policy } from '../../../src/core/types.ts';
import type { Random } from './seeded-random.ts';

/**
 * What an attacker with the database file and the sqlite3 shell can do: foreign keys are off
 * (the shell's default), the append-only triggers get dropped, and they know the hash algorithm.
 */
export function openAsAttacker(db: Database.Database): void {
  db.pragma('foreign_keys = OFF');
  db.pragma('synchronous = OFF');
  for (const { name } of db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    .all()) {
    db.exec(`DROP TRIGGER ${name}`);
  }
}

/** Runs a write that must change something, so that no "tampering" is a no-op. */
export function mustChange(db: Database.Database, sql: string, ...params: unknown[]): void {
  if (db.prepare(sql).run(...params).changes === 0) throw new Error(`tampering changed nothing: ${sql}`);
}

export function eventRow(db: Database.Database, seq: number): EventRecord {
  const row = db.prepare<[number], EventRecord>('SELECT * FROM events WHERE seq = ?').get(seq);
  if (row === undefined) throw new Error(`no row ${seq}`);
  return row;
}

export function lastSeq(db: Database.Database): number {
  return (db.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM events').get() as { n: number }).n;
}

/** Points `chain_head` at the last remaining row, as a careful attacker would. */
export function syncHead(db: Database.Database): void {
  const last = db
    .prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1')
    .get();
  const count = (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
  db.prepare('UPDATE chain_head SET seq = ?, hash = ?, count = ?').run(
    last?.seq ?? 0,
    last?.hash ?? GENESIS_HASH,
    count,
  );
}

/** Adds `delta` to every seq ≥ `from` (in two steps, so the primary key never collides). */
export function shiftSeqs(db: Database.Database, from: number, delta: number): void {
  db.prepare('UPDATE events SET seq = -seq WHERE seq >= ?').run(from);
  db.prepare('UPDATE events SET seq = -seq + ? WHERE seq < 0').run(delta);
}

/** The hash a forged row needs to link after `prevHash`. */
export function forgeHash(
  hash: HashFn,
  prevHash: string,
  row: Omit<EventRecord, 'hash' | 'prev_hash' | 'type'>,
): string {
  const event = JSON.parse(row.body) as Event;
  return chainHash(hash, prevHash, { seq: row.seq, prKey: row.pr_key, at: row.at, event, policyHash: row.policy_hash });
}

/** Recomputes every link and the head: the whole chain is consistent again. */
export function rechain(db: Database.Database, hash: HashFn): void {
  const rows = db.prepare<[], EventRecord>('SELECT * FROM events ORDER BY seq').all();
  const update = db.prepare('UPDATE events SET prev_hash = ?, hash = ? WHERE seq = ?');
  let prev = GENESIS_HASH;
  for (const row of rows) {
    const next = forgeHash(hash, prev, row);
    update.run(prev, next, row.seq);
    prev = next;
  }
  syncHead(db);
}

/** Rebuilds every snapshot and the rollouts index from the (rewritten) log, with shiplock's own replay. */
export function rebuildSnapshots(db: Database.Database): void {
  const policies = new Map(
    db
      .prepare<[], { hash: string; body: string }>('SELECT hash, body FROM policies')
      .all()
      .map((p) => [p.hash, JSON.parse(p.body) as Policy]),
  );
  db.exec('DELETE FROM rollouts; DELETE FROM pull_requests;');
  const keys = db.prepare<[], { pr_key: string }>('SELECT DISTINCT pr_key FROM events').all();
  for (const { pr_key } of keys) {
    const rows = db.prepare<[string], EventRecord>('SELECT * FROM events WHERE pr_key = ? ORDER BY seq').all(pr_key);
    const state = replay(
      rows.map((r) => ({ event: JSON.parse(r.body) as Event, policy: policies.get(r.policy_hash)! })),
    );
    db.prepare('INSERT INTO pull_requests VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      pr_key,
      state?.repo ?? null,
      state?.number ?? null,
      state?.closed === true ? 1 : 0,
      state === null ? null : canonicalJson(state),
      rows.at(-1)!.seq,
      rows.at(-1)!.at,
    );
    for (const r of state?.rollouts ?? []) {
      db.prepare('INSERT INTO rollouts VALUES (?, ?, ?, ?, ?, ?)').run(r.id, pr_key, r.pr.repo, r.phase, r.pr.sha, 0);
    }
  }
}

/**
 * Changes one leaf of a JSON document (a string, number, boolean or null), except leaves named in
 * `keep`, and returns canonical JSON.
 */
export function mutateLeaf(json: string, rnd: Random, keep: readonly (string | number)[] = []): string {
  const doc = JSON.parse(json) as unknown;
  const leaves: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, Array.isArray(value) ? Number(k) : k]);
    } else if (!keep.includes(path.at(-1) ?? '')) leaves.push(path);
  };
  walk(doc, []);
  const path = rnd.pick(leaves);
  const parent = path
    .slice(0, -1)
    .reduce<Record<string | number, unknown>>(
      (o, k) => o[k] as Record<string | number, unknown>,
      doc as Record<string | number, unknown>,
    );
  const key = path.at(-1)!;
  const old = parent[key];
  parent[key] =
    typeof old === 'string'
      ? `${old}x`
      : typeof old === 'number'
        ? old + 1 + rnd.int(1000)
        : typeof old === 'boolean'
          ? !old
          : 'x';
  return canonicalJson(doc);
}

/** Flips one hex digit. */
export function flipHex(hex: string, rnd: Random): string {
  const i = rnd.int(hex.length);
  const c = hex[i] === '0' ? '1' : '0';
  return hex.slice(0, i) + c + hex.slice(i + 1);
}
