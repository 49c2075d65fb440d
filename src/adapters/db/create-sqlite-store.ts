import type Database from 'better-sqlite3';
import type { Policy, PullRequestState } from '../../core/types.ts';
import type { Clock, OutboxRow, PrKey, Store, StoreTx, TimerRow } from '../../shell/ports.ts';
import { commitDecision } from './commit-decision.ts';
import { type HashFn, sha256Hex } from './sha256-hex.ts';
import { toLoggedEventRow, toOutboxRow, toTimerRow } from './sql-rows.ts';
import { prepareStoreStatements } from './store-statements.ts';

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /** SHA-256 as hex; defaults to `node:crypto`. */
  readonly hash?: HashFn;
  /** Stamps `updated_at` when outbox rows change state; defaults to the system clock. */
  readonly clock?: Clock;
}

/**
 * The SQLite {@link Store} on a database opened by `openDatabase` (pragmas checked, schema migrated).
 * Every write runs in one `BEGIN IMMEDIATE` transaction, so a writer waits for the lock up front
 * (busy_timeout) instead of failing to upgrade a read transaction half-way.
 */
export function createSqliteStore(db: Database.Database, options: SqliteStoreOptions = {}): Store {
  const hash = options.hash ?? sha256Hex;
  const clock = options.clock ?? { now: () => Date.now() };
  const s = prepareStoreStatements(db);
  const policies = new Map<string, Policy>();
  const write = <T>(fn: () => T): T => db.transaction(fn).immediate();

  const loadPullRequest = (prKey: PrKey): PullRequestState | null => {
    const row = s.selectSnapshot.get(prKey);
    return row?.state == null ? null : (JSON.parse(row.state) as PullRequestState);
  };

  const outboxStatus = (id: number): OutboxRow['status'] => {
    const row = s.selectOutboxStatus.get(id);
    if (row === undefined) throw new Error(`shiplock: outbox row ${id} does not exist`);
    return row.status;
  };

  return {
    transact<T>(fn: (tx: StoreTx) => T): T {
      return write(() => {
        let live = true;
        // A StoreTx kept past its transaction would write outside BEGIN IMMEDIATE: refuse it.
        const inTx =
          <A extends unknown[], R>(f: (...args: A) => R) =>
          (...args: A): R => {
            if (!live) throw new Error('shiplock: a StoreTx was used after its transaction ended');
            return f(...args);
          };
        const tx: StoreTx = {
          loadPullRequest: inTx(loadPullRequest),
          commit: inTx((input) => commitDecision(s, hash, input)),
          markDelivered: inTx(
            (source: string, deliveryId: string, at: number) =>
              s.insertDelivery.run({ source, delivery_id: deliveryId, at }).changes === 1,
          ),
        };
        try {
          return fn(tx);
        } finally {
          live = false;
        }
      });
    },
    findPrKeyByRollout: (rolloutId) => s.selectPrKeyByRollout.get(rolloutId)?.pr_key ?? null,
    loadPullRequest,
    headOf: (prKey) => {
      const row = s.selectHead.get(prKey);
      return row === undefined ? null : { closed: row.closed === 1, sha: row.sha };
    },
    listOpenPrKeys: (repo) => s.selectOpenPrKeys.all(repo).map((r) => r.pr_key),
    dueTimers: (now, limit, kinds) =>
      (kinds === undefined
        ? s.selectDueTimers.all(now, limit)
        : s.selectDueTimersOfKinds.all(now, JSON.stringify(kinds), limit)
      ).map(toTimerRow),
    takeTimer: (timer: TimerRow) =>
      write(
        () => s.deleteTimer.run({ rollout_id: timer.rolloutId, kind: timer.kind, due_at: timer.dueAt }).changes === 1,
      ),
    nextTimerDueAt: () => s.selectNextDueAt.get()?.due_at ?? null,
    pendingOutbox: (limit) => s.selectOutboxByStatus.all('pending', limit).map(toOutboxRow),
    startedOutbox: () => s.selectOutboxByStatus.all('started', -1).map(toOutboxRow),
    markOutboxStarted: (id) =>
      write(() => {
        // Re-marking a started row counts another attempt; restarting a finished command is a bug.
        if (outboxStatus(id) === 'done') throw new Error(`shiplock: outbox row ${id} is done and cannot start again`);
        s.updateOutboxStarted.run({ id, now: clock.now() });
      }),
    markOutboxDone: (id) =>
      write(() => {
        if (outboxStatus(id) !== 'done') s.updateOutboxDone.run({ id, now: clock.now() });
      }),
    readEvents: (afterSeq, limit) => s.selectEvents.all(afterSeq, limit).map(toLoggedEventRow),
    loadPolicy(hash: string): Policy {
      const cached = policies.get(hash);
      if (cached !== undefined) return cached;
      const row = s.selectPolicy.get(hash);
      if (row === undefined) throw new Error(`shiplock: policy ${hash} is not stored`);
      const policy = JSON.parse(row.body) as Policy;
      policies.set(hash, policy);
      return policy;
    },
    close: () => db.close(),
  };
}
