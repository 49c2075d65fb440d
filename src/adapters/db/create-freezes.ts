import type Database from 'better-sqlite3';
import type { Freeze } from '../../core/types.ts';
import type { FreezeStore } from '../../shell/ports.ts';

/** A repository's freeze as stored. */
export interface RepoFreeze {
  readonly repo: string;
  readonly freeze: Freeze;
}

/** Reads and writes the `freezes` table (migration 0003). */
export interface Freezes extends FreezeStore {
  get(repo: string): Freeze | null;
  /** Sets or replaces the repository's freeze. */
  set(repo: string, freeze: Freeze): void;
  /** Clears it; false when there was none. */
  clear(repo: string): boolean;
  /** Every active freeze, by repository. */
  list(): readonly RepoFreeze[];
}

interface FreezeRow {
  readonly repo: string;
  readonly reason: string;
  readonly by: string;
  readonly at: number;
}

const toFreeze = (row: FreezeRow): Freeze => ({ reason: row.reason, by: row.by, at: row.at });

/** The freezes on the shiplock database; each write is one statement, so one implicit transaction. */
export function createFreezes(db: Database.Database): Freezes {
  const select = db.prepare<[string], FreezeRow>('SELECT repo, reason, by, at FROM freezes WHERE repo = ?');
  const selectAll = db.prepare<[], FreezeRow>('SELECT repo, reason, by, at FROM freezes ORDER BY repo');
  const upsert = db.prepare<[string, string, string, number]>(
    `INSERT INTO freezes (repo, reason, by, at) VALUES (?, ?, ?, ?)
     ON CONFLICT (repo) DO UPDATE SET reason = excluded.reason, by = excluded.by, at = excluded.at`,
  );
  const remove = db.prepare<[string]>('DELETE FROM freezes WHERE repo = ?');
  const insertNew = db.prepare<[string, string, string, number]>(
    'INSERT INTO freezes (repo, reason, by, at) VALUES (?, ?, ?, ?) ON CONFLICT (repo) DO NOTHING',
  );
  return {
    get: (repo) => {
      const row = select.get(repo);
      return row === undefined ? null : toFreeze(row);
    },
    set: (repo, freeze) => {
      upsert.run(repo, freeze.reason, freeze.by, freeze.at);
    },
    clear: (repo) => remove.run(repo).changes > 0,
    // One statement inserts or keeps: an earlier freeze (a human's, an earlier rollback's) stays as it is.
    freezeUnlessFrozen: (repo, freeze) => {
      insertNew.run(repo, freeze.reason, freeze.by, freeze.at);
      return toFreeze(select.get(repo)!);
    },
    list: () => selectAll.all().map((row) => ({ repo: row.repo, freeze: toFreeze(row) })),
  };
}
