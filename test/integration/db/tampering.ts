import type Database from 'better-sqlite3';
import type { HashFn } from '../../../src/adapters/db/sha256-hex.ts';
import type { Random } from './seeded-random.ts';

/** One way to tamper with the database file. */
export interface Tampering {
  readonly kind: string;
  /**
   * True for consistent rewrites (chain recomputed, snapshots rebuilt): no check inside the
   * database can see them, only a head known from outside it.
   */
  readonly onlyExternal?: boolean;
  /** Tampers; returns the row the audit must name first, or `null` when no single row is implied. */
  apply(db: Database.Database, rnd: Random, hash: HashFn): number | null;
}

/** Picks one row of a query, by the seeded generator (never SQLite's `random()`). */
export function pickRow<T>(db: Database.Database, rnd: Random, sql: string): T {
  return rnd.pick(db.prepare<[], T>(sql).all());
}
