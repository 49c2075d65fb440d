import type Database from 'better-sqlite3';
import { ShiplockBootError } from './shiplock-boot-error.ts';

/** The settings every connection must run with (DESIGN.md, Persistence). */
export interface PragmaSettings {
  readonly busyTimeoutMs: number;
}

/**
 * Sets WAL, `synchronous=FULL`, foreign keys and the busy timeout, then reads each one back: SQLite
 * ignores settings it cannot honour (an in-memory database stays in `memory` journal mode), so only
 * the read-back proves them. better-sqlite3 defaults to WAL with `synchronous=NORMAL`, where a
 * committed transaction may roll back after a power loss: https://www.sqlite.org/pragma.html#pragma_synchronous
 */
export function assertPragmas(db: Database.Database, settings: PragmaSettings): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.trunc(settings.busyTimeoutMs)}`);
  const found = {
    journal_mode: String(db.pragma('journal_mode', { simple: true })).toLowerCase(),
    synchronous: Number(db.pragma('synchronous', { simple: true })),
    foreign_keys: Number(db.pragma('foreign_keys', { simple: true })),
    busy_timeout: Number(db.pragma('busy_timeout', { simple: true })),
  };
  const wanted = {
    journal_mode: 'wal',
    synchronous: 2,
    foreign_keys: 1,
    busy_timeout: Math.trunc(settings.busyTimeoutMs),
  };
  const wrong = (Object.keys(wanted) as (keyof typeof wanted)[]).filter((k) => found[k] !== wanted[k]);
  if (wrong.length === 0) return;
  const detail = wrong.map((k) => `${k} is ${found[k]}, needs ${wanted[k]}`).join('; ');
  const hint =
    found.journal_mode === 'wal'
      ? ''
      : ' WAL needs a database file on a local file system (not ":memory:", not a network share or read-only medium).';
  throw new ShiplockBootError(
    'shiplock_db_pragmas',
    `SQLite database ${db.name} cannot run with the settings shiplock requires: ${detail}.${hint}`,
  );
}
