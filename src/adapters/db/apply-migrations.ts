import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { ShiplockBootError } from './shiplock-boot-error.ts';

/** One forward-only migration file, `NNNN_verb_noun.sql`. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

const FILE_NAME = /^(\d{4})_[a-z0-9]+(?:_[a-z0-9]+)*\.sql$/;

/** Reads the migrations of `dir` in order; versions must run 1, 2, 3… without a gap or a double. */
export function readMigrations(dir: string): readonly Migration[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  return files.map((name, index) => {
    const match = FILE_NAME.exec(name);
    if (match === null) {
      throw new ShiplockBootError(
        'shiplock_db_migrations',
        `Migration ${name} in ${dir} is not named NNNN_verb_noun.sql.`,
      );
    }
    const version = Number(match[1]);
    if (version !== index + 1) {
      throw new ShiplockBootError(
        'shiplock_db_migrations',
        `Migration ${name} in ${dir} should be number ${index + 1}: versions must run 0001, 0002, … without gaps.`,
      );
    }
    return { version, name, sql: readFileSync(join(dir, name), 'utf8') };
  });
}

/**
 * Brings the database to the newest migration, each one in its own `BEGIN IMMEDIATE` transaction
 * together with its `PRAGMA user_version`, so a failing migration leaves the version before it.
 * A database newer than this code is refused rather than written by code that does not know it.
 */
export function applyMigrations(
  db: Database.Database,
  migrations: readonly Migration[],
): { readonly from: number; readonly to: number } {
  const from = Number(db.pragma('user_version', { simple: true }));
  const known = migrations.length;
  if (from > known) {
    throw new ShiplockBootError(
      'shiplock_db_too_new',
      `SQLite database ${db.name} is at schema version ${from}, but this shiplock knows only up to ${known}. ` +
        'Run the newer shiplock release that wrote it, or restore a backup.',
    );
  }
  for (const migration of migrations.slice(from)) {
    const apply = db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    });
    try {
      apply.immediate();
    } catch (error) {
      throw new ShiplockBootError(
        'shiplock_db_migration_failed',
        `Migration ${migration.name} failed on ${db.name}; the database stays at version ${migration.version - 1}: ${String(error)}`,
        { cause: error },
      );
    }
  }
  return { from, to: Math.max(from, known) };
}
