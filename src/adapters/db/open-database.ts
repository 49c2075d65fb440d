import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { applyMigrations, readMigrations } from './apply-migrations.ts';
import { assertPragmas } from './assert-pragmas.ts';
import { ShiplockBootError } from './shiplock-boot-error.ts';

/**
 * The repository's `migrations/` folder. Resolved from this module so it is the same folder from
 * `src/adapters/db/` (tsx) and from `dist/adapters/db/` (the build).
 */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

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
