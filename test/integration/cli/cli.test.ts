import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../../../scripts/bundle.ts';
import { createSqliteStore } from '../../../src/adapters/db/create-sqlite-store.ts';
import { openDatabase } from '../../../src/adapters/db/open-database.ts';
import { decide } from '../../../src/core/decide.ts';
import type { Event } from '../../../src/core/types.ts';
import { POLICY, prAt, SHA_A } from '../../support/core-fixtures.ts';

/**
 * The real `shiplock` command in a child process, as an operator runs it: the build (`npm run build`
 * bundles `src/main.ts` the same way, here into a fresh directory inside the repository, so a stale
 * `dist/` cannot stand in for the code under test), and once from the sources through tsx, which
 * is what `bin/shiplock.js` runs on a clone without a build.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const EXAMPLE = join(ROOT, 'shiplock.example.yml');
const BUILD = join(ROOT, 'node_modules/.cache', `shiplock-cli-${process.pid}`);
const BUNDLE = join(BUILD, 'main.js');
let dir: string;

function shiplock(
  args: readonly string[],
  env: Record<string, string> = {},
): { code: number; out: string; err: string } {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(SLACK|GITHUB|OPENAI|SHIPLOCK)_/.test(k)),
  );
  return run([BUNDLE, ...args], { ...clean, ...env });
}

function run(argv: readonly string[], env: NodeJS.ProcessEnv): { code: number; out: string; err: string } {
  const child = spawnSync(process.execPath, argv, { env, encoding: 'utf8', cwd: dir });
  return { code: child.status ?? -1, out: child.stdout, err: child.stderr };
}

/** A database with a short real history: a PR opened and its gates reported, through the real store. */
function seedDatabase(path: string): void {
  const store = createSqliteStore(openDatabase(path));
  const events: Event[] = [
    { type: 'PullRequestOpened', at: 1_000, pr: prAt(SHA_A), rolloutId: 'r1' },
    { type: 'GateStarted', at: 2_000, rolloutId: 'r1', gateId: 'lint', attempt: 1 },
    {
      type: 'GateFinished',
      at: 3_000,
      rolloutId: 'r1',
      sha: SHA_A,
      gateId: 'lint',
      attempt: 1,
      outcome: { status: 'passed', summary: 'ok', durationMs: 1 },
    },
    {
      type: 'GateFinished',
      at: 4_000,
      rolloutId: 'r1',
      sha: SHA_A,
      gateId: 'unit',
      attempt: 1,
      outcome: { status: 'passed', summary: 'ok', durationMs: 1 },
    },
    { type: 'DeployFinished', at: 5_000, rolloutId: 'r1', stage: 'staging', epoch: 1, ok: true, summary: 'ok' },
  ];
  for (const event of events) {
    store.transact((tx) => {
      const before = tx.loadPullRequest('acme/api#7');
      const decision = decide(before, event, POLICY);
      tx.commit({
        prKey: 'acme/api#7',
        event,
        policy: POLICY,
        before,
        state: decision.state,
        commands: decision.commands,
      });
    });
  }
  store.close();
}

/** Tampering as someone with the file would: the append-only triggers go first. */
function tamper(path: string, sql: string): void {
  const db = new Database(path);
  db.exec('PRAGMA foreign_keys = OFF; DROP TRIGGER events_append_only_update; DROP TRIGGER events_append_only_delete;');
  db.exec(sql);
  db.close();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shiplock-cli-'));
  mkdirSync(BUILD, { recursive: true });
  await bundle(join(ROOT, 'src/main.ts'), BUNDLE);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(BUILD, { recursive: true, force: true });
});

describe('from the sources, as bin/shiplock.js runs them without a build', () => {
  it('answers as the build does', () => {
    const tsx = import.meta.resolve('tsx');
    const fromSources = run(['--import', tsx, join(ROOT, 'src/main.ts'), 'config', 'check', '--config', EXAMPLE], {
      PATH: process.env.PATH ?? '',
    });
    expect(fromSources).toEqual(shiplock(['config', 'check', '--config', EXAMPLE]));
    expect(fromSources.code).toBe(0);
  });
});

describe('shiplock config check', () => {
  it('accepts the shipped example', () => {
    const run = shiplock(['config', 'check', '--config', EXAMPLE]);
    expect(run.err).toBe('');
    expect(run.out).toMatch(/OK — 1 repository \(acme\/api\)/);
    expect(run.code).toBe(0);
  });

  it('lists every problem with its path and exits 1', () => {
    const file = join(dir, 'broken.yml');
    writeFileSync(
      file,
      'version: 1\ntime_lock: soon\npeople:\n  - slack: nobody\n    github: alice\nrepositries: []\n',
    );
    const run = shiplock(['config', 'check', '--config', file]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/time_lock: /);
    expect(run.err).toMatch(/people\[0\]\.slack: /);
    expect(run.err).toMatch(/repositries/);
  });

  it('refuses a secret written into the YAML without echoing it', () => {
    const file = join(dir, 'secret.yml');
    const token = `xoxb-${'1234567890'.repeat(3)}`;
    writeFileSync(file, `version: 1\nslack:\n  bot: ${token}\n`);
    const run = shiplock(['config', 'check', '--config', file]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/SLACK_BOT_TOKEN/);
    expect(run.err + run.out).not.toContain(token);
  });

  it('says what to do when the file is missing', () => {
    const run = shiplock(['config', 'check', '--config', join(dir, 'nope.yml')]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/cannot read .*nope\.yml \(no such file\)/);
    expect(run.err).toMatch(/shiplock\.example\.yml/);
  });
});

describe('shiplock audit verify', () => {
  const cases: readonly [string, string, RegExp][] = [
    ['an edited event body', "UPDATE events SET body = replace(body, 'passed', 'failed') WHERE seq = 3", /event #3/],
    ['a deleted event', 'DELETE FROM events WHERE seq = 2', /event #2/],
    ['a truncated tail', 'DELETE FROM events WHERE seq >= 4', /FAILED/],
    [
      'an inserted event',
      'INSERT INTO events (seq, pr_key, at, type, body, policy_hash, prev_hash, hash) SELECT 100, pr_key, at, type, body, policy_hash, prev_hash, hash FROM events WHERE seq = 1',
      /FAILED/,
    ],
  ];

  it('verifies an untouched log and prints its head', () => {
    const db = join(dir, 'clean.db');
    seedDatabase(db);
    const run = shiplock(['audit', 'verify', '--db', db]);
    expect(run.out).toMatch(/audit log verified: 5 events, head #5 [0-9a-f]{64}/);
    expect(run.code).toBe(0);
  });

  it.each(cases)('detects %s, exits 1 and names the first bad row', (_name, sql, where) => {
    const db = join(dir, `t-${Math.random().toString(36).slice(2)}.db`);
    seedDatabase(db);
    tamper(db, sql);
    const run = shiplock(['audit', 'verify', '--db', db]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(where);
  });

  it('detects a log rewritten behind an externally known head', () => {
    const db = join(dir, 'head.db');
    seedDatabase(db);
    const head = /head #(\d+) ([0-9a-f]{64})/.exec(shiplock(['audit', 'verify', '--db', db]).out);
    const other = `${head?.[1]}:${'0'.repeat(64)}`;
    const run = shiplock(['audit', 'verify', '--db', db, '--expect-head', other]);
    expect(run.code).toBe(1);
    expect(shiplock(['audit', 'verify', '--db', db, '--expect-head', `${head?.[1]}:${head?.[2]}`]).code).toBe(0);
  });

  it('refuses a missing database instead of creating one', () => {
    const run = shiplock(['audit', 'verify', '--db', join(dir, 'missing.db')]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/no database at/);
  });
});

describe('shiplock logs', () => {
  it('is routed with its rollout id and the --db flag', () => {
    const db = join(dir, 'logs.db');
    seedDatabase(db);
    const none = shiplock(['logs', 'r1', '--db', db]);
    expect(none.code).toBe(1);
    expect(none.err).toContain('r1');
    expect(shiplock(['logs', 'r1', '--db', join(dir, 'missing.db')]).code).toBe(2);
    expect(shiplock(['logs']).code).toBe(2);
  });
});

describe('shiplock start', () => {
  it('names every missing secret and starts nothing', () => {
    const run = shiplock(['start', '--config', EXAMPLE]);
    expect(run.code).toBe(1);
    for (const name of ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'GITHUB_WEBHOOK_SECRET', 'GITHUB_TOKEN']) {
      expect(run.err).toContain(name);
    }
  });

  it('checks that Slack can be reached before starting anything, and says what to fix', () => {
    const secrets = {
      SLACK_SIGNING_SECRET: 'test-signing-secret',
      SLACK_BOT_TOKEN: 'xoxb-test',
      GITHUB_WEBHOOK_SECRET: 'test-webhook-secret',
      GITHUB_TOKEN: 'test-token',
      SHIPLOCK_DB: join(dir, 'start.db'),
      SLACK_API_URL: 'http://127.0.0.1:9/api/', // discard port: nothing listens
    };
    const run = shiplock(['start', '--config', EXAMPLE], secrets);
    expect(run.err).toMatch(
      /shiplock_slack_unreachable: could not reach Slack's Web API at http:\/\/127\.0\.0\.1:9\/api\//,
    );
    expect(run.err).toMatch(/Nothing was started/);
    expect(run.code).toBe(1);
  });

  it('unknown commands get the usage text', () => {
    const run = shiplock(['deploy', 'everything']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/unknown command "deploy everything"/);
    expect(run.err).toMatch(/Usage: shiplock/);
  });
});
