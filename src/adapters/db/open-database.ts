import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { applyMigrations, readMigrations } from './apply-migrations.ts';
import { assertPragmas } from './assert-pragmas.ts';
import { ShiplockBootError } from './shiplock-boot-error.ts';

/**
 * The repository's `migrations/` folder: the nearest one above this module that holds the first
 * migration, so it is the same folder from `src/adapters/db/` (tsx) and from `dist/main.js` (the
 * single-file build, `npm run build`).
 */
export const MIGRATIONS_DIR = findMigrations(dirname(fileURLToPath(import.meta.url)));

function findMigrations(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'migrations');
    if (existsSync(join(candidate, '0001_create_tables.sql'))) return candidate;
    // None found: the path the sources expect, so the boot error names a real place to look.
    if (dirname(dir) === dir) return join(from, '../../../migrations');
  }
}

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  readonly busyTimeoutMs?: number;
  readonly migrationsDir?: string;
}

/**
 * Opens (or creates) the SQLite database file, proves the required pragmas are in force and applies
 * the pending migrations. Throws {@link ShiplockBootError} with an actionable message otherwise.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (error) {
    throw new ShiplockBootError('shiplock_db_open', `Cannot open SQLite database ${path}: ${String(error)}`, {
      cause: error,
    });
  }
  try {
    assertPragmas(db, { busyTimeoutMs: options.busyTimeoutMs ?? 5000 });
    applyMigrations(db, readMigrations(options.migrationsDir ?? MIGRATIONS_DIR));
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
