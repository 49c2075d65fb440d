import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, openDatabase } from '../../../src/adapters/db/open-database.ts';
import { ShiplockBootError } from '../../../src/adapters/db/shiplock-boot-error.ts';
import { createTempDir } from './temp-db.ts';

let tmp: ReturnType<typeof createTempDir>;
beforeEach(() => {
  tmp = createTempDir();
});
afterEach(() => tmp.remove());

function bootError(fn: () => unknown): ShiplockBootError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ShiplockBootError) return error;
    throw error;
  }
  throw new Error('expected a ShiplockBootError');
}

const MIGRATION_COUNT = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).length;

describe('openDatabase: pragmas', () => {
  it('runs WAL, synchronous=FULL, foreign keys and a busy timeout, read back from SQLite', () => {
    const db = openDatabase(tmp.file('shiplock.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('takes another busy timeout when asked', () => {
    const db = openDatabase(tmp.file('shiplock.db'), { busyTimeoutMs: 250 });
    expect(db.pragma('busy_timeout', { simple: true })).toBe(250);
    db.close();
  });

  it('refuses an in-memory database, which cannot run WAL, with a clear message', () => {
    const error = bootError(() => openDatabase(':memory:'));
    expect(error.code).toBe('shiplock_db_pragmas');
    expect(error.message).toMatch(/journal_mode is memory, needs wal/);
    expect(error.message).toMatch(/WAL needs a database file/);
  });

  it('refuses a path whose directory does not exist', () => {
    const error = bootError(() => openDatabase(join(tmp.dir, 'missing', 'shiplock.db')));
    expect(error.code).toBe('shiplock_db_open');
  });
});

describe('openDatabase: migrations', () => {
  it('resolves the repository migrations folder from the module, not the working directory', () => {
    expect(resolve(MIGRATIONS_DIR)).toBe(resolve(import.meta.dirname, '../../../migrations'));
    expect(MIGRATION_COUNT).toBeGreaterThanOrEqual(1);
  });

  it('applies every migration and records it in user_version; STRICT tables exist', () => {
    const db = openDatabase(tmp.file('shiplock.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATION_COUNT);
    const tables = db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all();
    expect(tables.map((t) => t.name)).toEqual([
      'audit_checkpoints',
      'chain_head',
      'deliveries',
      'events',
      'freezes',
      'github_inbox',
      'outbox',
      'policies',
      'pull_requests',
      'rollouts',
      'run_records',
      'slack_alert_messages',
      'slack_messages',
      'timers',
    ]);
    expect(tables.every((t) => t.strict === 1)).toBe(true);
    expect(db.prepare('SELECT seq, hash, count FROM chain_head').all()).toEqual([
      { seq: 0, hash: '0'.repeat(64), count: 0 },
    ]);
    db.close();
  });

  it('reopening applies nothing twice and keeps the data', () => {
    const path = tmp.file('shiplock.db');
    const first = openDatabase(path);
    first.prepare("INSERT INTO deliveries (source, delivery_id, at) VALUES ('github', 'd1', 1)").run();
    first.close();
    const again = openDatabase(path);
    expect(again.pragma('user_version', { simple: true })).toBe(MIGRATION_COUNT);
    expect(again.prepare('SELECT COUNT(*) AS n FROM deliveries').get()).toEqual({ n: 1 });
    again.close();
  });

  it('refuses a database written by a newer shiplock', () => {
    const path = tmp.file('shiplock.db');
    openDatabase(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${MIGRATION_COUNT + 1}`);
    raw.close();
    const error = bootError(() => openDatabase(path));
    expect(error.code).toBe('shiplock_db_too_new');
    expect(error.message).toMatch(new RegExp(`version ${MIGRATION_COUNT + 1}.*only up to ${MIGRATION_COUNT}`));
  });

  it('runs each migration in its own transaction: a failing one leaves the version before it', () => {
    const dir = join(tmp.dir, 'migrations');
    mkdirSync(dir);
    copyFileSync(join(MIGRATIONS_DIR, '0001_create_tables.sql'), join(dir, '0001_create_tables.sql'));
    writeFileSync(
      join(dir, '0002_add_things.sql'),
      'CREATE TABLE things (id INTEGER PRIMARY KEY) STRICT;\nSELECT * FROM nowhere;\n',
    );
    const path = tmp.file('shiplock.db');
    const error = bootError(() => openDatabase(path, { migrationsDir: dir }));
    expect(error.code).toBe('shiplock_db_migration_failed');
    const raw = new Database(path);
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    expect(raw.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'things'").get()).toEqual({ n: 0 });
    raw.close();
  });

  it('refuses migration files that are misnamed or leave a gap', () => {
    const dir = join(tmp.dir, 'migrations');
    mkdirSync(dir);
    writeFileSync(join(dir, '0001_create_tables.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '0003_skip_one.sql'), 'SELECT 1;');
    expect(bootError(() => openDatabase(tmp.file('a.db'), { migrationsDir: dir })).code).toBe('shiplock_db_migrations');
    rmSync(join(dir, '0003_skip_one.sql'));
    writeFileSync(join(dir, '0002-Bad Name.sql'), 'SELECT 1;');
    expect(bootError(() => openDatabase(tmp.file('b.db'), { migrationsDir: dir })).code).toBe('shiplock_db_migrations');
  });
});
