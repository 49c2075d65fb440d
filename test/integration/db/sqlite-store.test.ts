import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../../src/adapters/db/create-sqlite-store.ts';
import { openDatabase } from '../../../src/adapters/db/open-database.ts';
import { verifyAuditLog } from '../../../src/adapters/db/verify-audit-log.ts';
import { canonicalJson } from '../../../src/core/canonical-json.ts';
import { decide } from '../../../src/core/decide.ts';
import type { Command, Event, TimerKind } from '../../../src/core/types.ts';
import type { Store } from '../../../src/shell/ports.ts';
import { POLICY, prAt, SHA_A, SHA_B } from '../../support/core-fixtures.ts';
import { commitEvent } from './commit-event.ts';
import { POLICY_RELOADED } from './drive-scenario.ts';
import { happyPath } from './happy-path.ts';
import { createTempDir } from './temp-db.ts';

const PR = 'acme/api#7';
const T0 = Date.UTC(2025, 0, 6, 9);
let tmp: ReturnType<typeof createTempDir>;
let db: Database.Database;
let store: Store;
let now = 0;

beforeEach(() => {
  tmp = createTempDir();
  db = openDatabase(tmp.file('shiplock.db'));
  now = T0;
  store = createSqliteStore(db, { clock: { now: () => now } });
});
afterEach(() => {
  if (db.open) db.close();
  tmp.remove();
});

const count = (table: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
const opened: Event = { type: 'PullRequestOpened', at: T0, pr: prAt(SHA_A), rolloutId: 'r1' };

/** Commits `opened` with hand-written commands (the store does not care where they come from). */
function commitWith(commands: readonly Command[], at = T0): void {
  store.transact((tx) => {
    const before = tx.loadPullRequest(PR);
    const state = decide(before, { ...opened, at }, POLICY).state;
    tx.commit({ prKey: PR, event: { ...opened, at }, policy: POLICY, before, state, commands });
  });
}

describe('commit', () => {
  it('appends the event, moves the head, saves the snapshot and its rollouts, enqueues the commands', () => {
    const d = decide(null, opened, POLICY);
    const result = store.transact((tx) =>
      tx.commit({ prKey: PR, event: opened, policy: POLICY, before: null, state: d.state, commands: d.commands }),
    );
    expect(result.seq).toBe(1);
    expect(result.outbox.map((r) => r.command)).toEqual(d.commands);
    expect(result.outbox.every((r) => r.status === 'pending' && r.attempts === 0 && r.createdAt === T0)).toBe(true);
    expect(store.pendingOutbox(100)).toEqual(result.outbox);
    expect(store.loadPullRequest(PR)).toEqual(d.state);
    expect(db.prepare('SELECT seq, count FROM chain_head').get()).toEqual({ seq: 1, count: 1 });
    expect(db.prepare('SELECT repo, number, closed, last_seq, updated_at FROM pull_requests').get()).toEqual({
      repo: 'acme/api',
      number: 7,
      closed: 0,
      last_seq: 1,
      updated_at: T0,
    });
    expect(db.prepare('SELECT rollout_id, pr_key, repo, phase, sha FROM rollouts').all()).toEqual([
      { rollout_id: 'r1', pr_key: PR, repo: 'acme/api', phase: 'reviewing', sha: SHA_A },
    ]);
    expect(store.findPrKeyByRollout('r1')).toBe(PR);
    expect(store.findPrKeyByRollout('nope')).toBeNull();
  });

  it('is atomic: a throw after commit leaves no event, snapshot, outbox, timer, delivery or head change', () => {
    const events = happyPath('r1', T0);
    for (const e of events.slice(0, 4)) commitEvent(store, PR, e, POLICY);
    const tables = ['events', 'policies', 'pull_requests', 'rollouts', 'outbox', 'timers', 'deliveries'];
    const before = {
      counts: tables.map(count),
      head: db.prepare('SELECT * FROM chain_head').get(),
      pr: store.loadPullRequest(PR),
    };
    const canary = events[4]!; // schedules a canary_watch timer and enqueues JudgeCanary
    expect(() =>
      store.transact((tx) => {
        expect(tx.markDelivered('github', 'd1', canary.at)).toBe(true);
        const before = tx.loadPullRequest(PR);
        const d = decide(before, canary, POLICY_RELOADED);
        expect(d.commands.some((c) => c.type === 'ScheduleTimer')).toBe(true);
        tx.commit({ prKey: PR, event: canary, policy: POLICY_RELOADED, before, state: d.state, commands: d.commands });
        throw new Error('crash after commit');
      }),
    ).toThrow('crash after commit');
    expect(tables.map(count)).toEqual(before.counts);
    expect(db.prepare('SELECT * FROM chain_head').get()).toEqual(before.head);
    expect(store.loadPullRequest(PR)).toEqual(before.pr);
    expect(verifyAuditLog(db)).toMatchObject({ ok: true, count: 4 });
  });

  it('hash-chains every row: SHA-256(prev_hash ‖ canonical JSON), genesis 64 zeros', () => {
    const events = happyPath('r1', T0);
    for (const e of events) commitEvent(store, PR, e, POLICY);
    const rows = store.readEvents(0, 1000);
    expect(rows.map((r) => r.seq)).toEqual(events.map((_, i) => i + 1));
    expect(rows.map((r) => r.event)).toEqual(events);
    let prev = '0'.repeat(64);
    for (const { seq, prKey, at, event, policyHash, prevHash, hash } of rows) {
      expect(prevHash).toBe(prev);
      const text = prev + canonicalJson({ seq, prKey, at, event, policyHash });
      expect(hash).toBe(createHash('sha256').update(text).digest('hex'));
      prev = hash;
    }
    expect(db.prepare('SELECT seq, hash, count FROM chain_head').get()).toEqual({ seq: 14, hash: prev, count: 14 });
    expect(store.readEvents(5, 3).map((r) => r.seq)).toEqual([6, 7, 8]);
    expect(store.loadPullRequest(PR)?.rollouts[0]?.phase).toBe('deployed');
  });

  it('stores each policy once, by the hash of its canonical JSON', () => {
    commitEvent(store, PR, opened, POLICY);
    commitEvent(store, PR, { ...opened, at: T0 + 1 }, POLICY);
    commitEvent(store, PR, { ...opened, at: T0 + 2 }, POLICY_RELOADED);
    const rows = store.readEvents(0, 10);
    expect(count('policies')).toBe(2);
    expect(rows[0]?.policyHash).toBe(createHash('sha256').update(canonicalJson(POLICY)).digest('hex'));
    expect(store.loadPolicy(rows[0]!.policyHash)).toEqual(POLICY);
    expect(store.loadPolicy(rows[2]!.policyHash)).toEqual(POLICY_RELOADED);
    expect(() => store.loadPolicy('f'.repeat(64))).toThrow(/not stored/);
  });

  it('logs an event that found no aggregate, without making one', () => {
    commitEvent(store, 'acme/api#99', { type: 'PullRequestClosed', at: T0, repo: 'acme/api', number: 99 }, POLICY);
    expect(store.loadPullRequest('acme/api#99')).toBeNull();
    expect(store.listOpenPrKeys('acme/api')).toEqual([]);
    expect(verifyAuditLog(db)).toMatchObject({ ok: true, count: 1 });
  });

  it('lists the open pull requests of a repository', () => {
    const open = (repo: string, number: number, at: number): void =>
      void commitEvent(
        store,
        `${repo}#${number}`,
        { ...opened, at, pr: { ...prAt(SHA_A), repo, number }, rolloutId: `r-${repo}-${number}` },
        POLICY,
      );
    open('acme/api', 1, T0);
    open('acme/api', 2, T0 + 1);
    open('acme/web', 3, T0 + 2);
    commitEvent(store, 'acme/api#2', { type: 'PullRequestClosed', at: T0 + 3, repo: 'acme/api', number: 2 }, POLICY);
    expect(store.listOpenPrKeys('acme/api')).toEqual(['acme/api#1']);
    expect(store.listOpenPrKeys('acme/web')).toEqual(['acme/web#3']);
  });

  it("reads a pull request's head in SQL exactly as its snapshot says: unknown, newest SHA, closed", () => {
    const asSnapshotSays = (prKey: string) => {
      const state = store.loadPullRequest(prKey);
      return state === null ? null : { closed: state.closed, sha: state.rollouts.at(-1)?.pr.sha ?? null };
    };
    expect(store.headOf(PR)).toBeNull();
    commitEvent(store, PR, opened, POLICY);
    expect(store.headOf(PR)).toEqual({ closed: false, sha: SHA_A });
    commitEvent(store, PR, { type: 'PullRequestPushed', at: T0 + 1, pr: prAt(SHA_B), rolloutId: 'r2' }, POLICY);
    expect(store.headOf(PR)).toEqual({ closed: false, sha: SHA_B });
    expect(store.headOf(PR)).toEqual(asSnapshotSays(PR));
    commitEvent(store, PR, { type: 'PullRequestClosed', at: T0 + 2, repo: 'acme/api', number: 7 }, POLICY);
    expect(store.headOf(PR)).toEqual({ closed: true, sha: SHA_B });
    expect(store.headOf(PR)).toEqual(asSnapshotSays(PR));
  });

  it('refuses a rollout id that already belongs to another pull request, writing nothing', () => {
    commitEvent(store, PR, opened, POLICY);
    const other = { ...opened, pr: { ...prAt(SHA_B), number: 8 } };
    expect(() => commitEvent(store, 'acme/api#8', other, POLICY)).toThrow(/belongs to another pull request/);
    expect(count('events')).toBe(1);
    expect(store.loadPullRequest('acme/api#8')).toBeNull();
  });

  it('takes the write lock at BEGIN: another connection cannot write during a transaction, but can read', () => {
    commitEvent(store, PR, opened, POLICY);
    const other = new Database(tmp.file('shiplock.db'));
    other.pragma('busy_timeout = 0');
    store.transact(() => {
      expect(() => other.prepare("INSERT INTO deliveries VALUES ('x', 'y', 1)").run()).toThrow(/database is locked/);
      expect(other.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 1 });
    });
    other.close();
  });

  it('refuses a StoreTx used after its transaction ended', () => {
    let leaked: Parameters<Parameters<Store['transact']>[0]>[0] | undefined;
    store.transact((tx) => {
      leaked = tx;
    });
    expect(() => leaked?.loadPullRequest(PR)).toThrow(/after its transaction ended/);
  });
});

describe('timers', () => {
  const schedule = (rolloutId: string, kind: TimerKind, dueAt: number): Command => ({
    type: 'ScheduleTimer',
    rolloutId,
    kind,
    dueAt,
  });

  it('upserts by rollout and kind, lists due ones earliest first, cancels a rollout’s timers only', () => {
    commitWith([
      schedule('r1', 'time_lock', T0 + 500),
      schedule('r1', 'canary_watch', T0 + 100),
      schedule('r2', 'time_lock', T0 + 300),
    ]);
    commitWith([schedule('r1', 'time_lock', T0 + 200)], T0 + 1);
    expect(count('timers')).toBe(3);
    expect(store.nextTimerDueAt()).toBe(T0 + 100);
    expect(store.dueTimers(T0 + 250, 10).map((t) => [t.rolloutId, t.kind, t.dueAt])).toEqual([
      ['r1', 'canary_watch', T0 + 100],
      ['r1', 'time_lock', T0 + 200],
    ]);
    expect(store.dueTimers(T0 + 1000, 1)).toHaveLength(1);
    expect(store.dueTimers(T0 + 1000, 10)[0]?.prKey).toBe(PR);
    commitWith([{ type: 'CancelTimers', rolloutId: 'r1' }], T0 + 2);
    expect(store.dueTimers(T0 + 1000, 10).map((t) => t.rolloutId)).toEqual(['r2']);
  });

  it('lists due timers of the kinds asked only, earliest first, up to the limit', () => {
    commitWith([
      schedule('r1', 'canary_watch', T0 + 100),
      schedule('r2', 'canary_watch', T0 + 150),
      schedule('r2', 'time_lock', T0 + 300),
      schedule('r1', 'time_lock', T0 + 200),
      schedule('r3', 'time_lock', T0 + 5_000),
    ]);
    const due = (kinds: readonly TimerKind[], limit = 10) =>
      store.dueTimers(T0 + 1000, limit, kinds).map((t) => [t.rolloutId, t.kind]);
    expect(due(['time_lock'])).toEqual([
      ['r1', 'time_lock'],
      ['r2', 'time_lock'],
    ]);
    expect(due(['canary_watch', 'preflight_retry'], 1)).toEqual([['r1', 'canary_watch']]);
    expect(due([])).toEqual([]);
    expect(store.dueTimers(T0 + 1000, 10)).toHaveLength(4);
  });

  it('applies timer commands in order: cancel then schedule keeps the new timer', () => {
    commitWith([
      schedule('r1', 'time_lock', T0 + 5),
      { type: 'CancelTimers', rolloutId: 'r1' },
      schedule('r1', 'canary_watch', T0 + 9),
    ]);
    expect(store.dueTimers(T0 + 100, 10).map((t) => t.kind)).toEqual(['canary_watch']);
  });

  it('takes a timer only while it is the same row', () => {
    commitWith([schedule('r1', 'time_lock', T0 + 100)]);
    const [due] = store.dueTimers(T0 + 100, 1);
    commitWith([schedule('r1', 'time_lock', T0 + 900)], T0 + 1);
    expect(store.takeTimer(due!)).toBe(false);
    const [moved] = store.dueTimers(T0 + 900, 1);
    expect(store.takeTimer(moved!)).toBe(true);
    expect(store.takeTimer(moved!)).toBe(false);
    expect(store.nextTimerDueAt()).toBeNull();
  });
});

describe('outbox', () => {
  it('goes pending → started → done, counting attempts, oldest first', () => {
    const { outbox } = store.transact((tx) => {
      const d = decide(null, opened, POLICY);
      return tx.commit({
        prKey: PR,
        event: opened,
        policy: POLICY,
        before: null,
        state: d.state,
        commands: d.commands,
      });
    });
    const [first, second] = outbox;
    expect(store.pendingOutbox(1)).toEqual([first]);
    now = T0 + 10;
    store.markOutboxStarted(first!.id);
    expect(store.pendingOutbox(1)).toEqual([second]);
    expect(store.startedOutbox()).toEqual([{ ...first, status: 'started', attempts: 1 }]);
    store.markOutboxStarted(first!.id);
    expect(store.startedOutbox()[0]?.attempts).toBe(2);
    now = T0 + 20;
    store.markOutboxDone(first!.id);
    store.markOutboxDone(first!.id);
    expect(store.startedOutbox()).toEqual([]);
    expect(db.prepare('SELECT status, attempts, updated_at FROM outbox WHERE id = ?').get(first!.id)).toEqual({
      status: 'done',
      attempts: 2,
      updated_at: T0 + 20,
    });
    expect(() => store.markOutboxStarted(first!.id)).toThrow(/done and cannot start again/);
    expect(() => store.markOutboxDone(999_999)).toThrow(/does not exist/);
    store.markOutboxDone(second!.id);
    expect(store.pendingOutbox(100)).toHaveLength(outbox.length - 2);
  });
});

describe('deliveries', () => {
  it('answers false for a delivery id seen before, per source, and forgets it when the transaction rolls back', () => {
    expect(store.transact((tx) => tx.markDelivered('github', 'd1', T0))).toBe(true);
    expect(store.transact((tx) => tx.markDelivered('github', 'd1', T0 + 1))).toBe(false);
    expect(store.transact((tx) => tx.markDelivered('slack', 'd1', T0))).toBe(true);
    expect(() =>
      store.transact((tx) => {
        tx.markDelivered('github', 'd2', T0);
        throw new Error('rolled back');
      }),
    ).toThrow();
    expect(store.transact((tx) => tx.markDelivered('github', 'd2', T0))).toBe(true);
  });
});
