import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { PullRequestState } from '../../../src/core/types.ts';
import { PR_KEY } from './create-crash-world.ts';

/** Reads the aggregate through a connection of the parent's own (WAL: it never blocks the bot). */
export function createStateReader(path: string) {
  let db: Database.Database | null = null;
  return {
    read(): PullRequestState | null {
      try {
        if (db === null) {
          if (!existsSync(path)) return null;
          db = new Database(path, { fileMustExist: true });
          // Short: this read blocks the parent's event loop, which drives every running case.
          db.pragma('busy_timeout = 200');
        }
        const row = db
          .prepare<[string], { state: string | null }>('SELECT state FROM pull_requests WHERE pr_key = ?')
          .get(PR_KEY);
        return row?.state == null ? null : (JSON.parse(row.state) as PullRequestState);
      } catch {
        return null; // Not migrated yet, or busy: the next poll reads it.
      }
    },
    close() {
      db?.close();
      db = null;
    },
  };
}
