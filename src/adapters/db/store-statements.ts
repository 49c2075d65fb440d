import type Database from 'better-sqlite3';
import type { ChainHeadRecord, EventRecord, OutboxRecord, TimerRecord } from './sql-rows.ts';

type Params = Record<string, string | number | null>;

/** Every statement the store runs, prepared once per connection. */
export interface StoreStatements {
  readonly insertPolicy: Database.Statement<[Params]>;
  readonly selectPolicy: Database.Statement<[string], { body: string }>;
  readonly selectChainHead: Database.Statement<[], ChainHeadRecord>;
  readonly updateChainHead: Database.Statement<[Params]>;
  readonly insertEvent: Database.Statement<[Params]>;
  readonly selectEvents: Database.Statement<[number, number], EventRecord>;
  readonly selectSnapshot: Database.Statement<[string], { state: string | null }>;
  readonly selectHead: Database.Statement<[string], { closed: number; sha: string | null }>;
  readonly upsertSnapshot: Database.Statement<[Params]>;
  readonly upsertRollout: Database.Statement<[Params]>;
  readonly selectPrKeyByRollout: Database.Statement<[string], { pr_key: string }>;
  readonly selectOpenPrKeys: Database.Statement<[string], { pr_key: string }>;
  readonly upsertTimer: Database.Statement<[Params]>;
  readonly deleteRolloutTimers: Database.Statement<[string]>;
  readonly selectDueTimers: Database.Statement<[number, number], TimerRecord>;
  readonly selectDueTimersOfKinds: Database.Statement<[number, string, number], TimerRecord>;
  readonly deleteTimer: Database.Statement<[Params]>;
  readonly selectNextDueAt: Database.Statement<[], { due_at: number | null }>;
  readonly insertOutbox: Database.Statement<[Params]>;
  readonly selectOutboxByStatus: Database.Statement<[string, number], OutboxRecord>;
  readonly selectOutboxStatus: Database.Statement<[number], { status: OutboxRecord['status'] }>;
  readonly updateOutboxStarted: Database.Statement<[Params]>;
  readonly updateOutboxDone: Database.Statement<[Params]>;
  readonly insertDelivery: Database.Statement<[Params]>;
}

const OUTBOX_COLUMNS = 'id, pr_key, body, status, attempts, created_at';

/** Prepares the store's statements on `db` (the schema must be migrated). */
export function prepareStoreStatements(db: Database.Database): StoreStatements {
  return {
    insertPolicy: db.prepare('INSERT OR IGNORE INTO policies (hash, body) VALUES (@hash, @body)'),
    selectPolicy: db.prepare('SELECT body FROM policies WHERE hash = ?'),
    selectChainHead: db.prepare('SELECT seq, hash, count FROM chain_head WHERE id = 1'),
    updateChainHead: db.prepare('UPDATE chain_head SET seq = @seq, hash = @hash, count = @count WHERE id = 1'),
    insertEvent: db.prepare(
      `INSERT INTO events (seq, pr_key, at, type, body, policy_hash, prev_hash, hash)
       VALUES (@seq, @pr_key, @at, @type, @body, @policy_hash, @prev_hash, @hash)`,
    ),
    selectEvents: db.prepare(
      'SELECT seq, pr_key, at, type, body, policy_hash, prev_hash, hash FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
    ),
    selectSnapshot: db.prepare('SELECT state FROM pull_requests WHERE pr_key = ?'),
    // `closed` is written from the snapshot with it; the SHA as loadPullRequest would read it (`#-1`: the last rollout).
    selectHead: db.prepare(
      `SELECT closed, json_extract(state, '$.rollouts[#-1].pr.sha') AS sha
       FROM pull_requests WHERE pr_key = ? AND state IS NOT NULL`,
    ),
    upsertSnapshot: db.prepare(
      `INSERT INTO pull_requests (pr_key, repo, number, closed, state, last_seq, updated_at)
       VALUES (@pr_key, @repo, @number, @closed, @state, @last_seq, @updated_at)
       ON CONFLICT (pr_key) DO UPDATE SET repo = excluded.repo, number = excluded.number, closed = excluded.closed,
         state = excluded.state, last_seq = excluded.last_seq, updated_at = excluded.updated_at`,
    ),
    // The WHERE keeps a rollout id from silently moving to another pull request (0 changes → a bug).
    upsertRollout: db.prepare(
      `INSERT INTO rollouts (rollout_id, pr_key, repo, phase, sha, updated_at)
       VALUES (@rollout_id, @pr_key, @repo, @phase, @sha, @updated_at)
       ON CONFLICT (rollout_id) DO UPDATE SET repo = excluded.repo, phase = excluded.phase, sha = excluded.sha,
         updated_at = excluded.updated_at
       WHERE rollouts.pr_key = excluded.pr_key`,
    ),
    selectPrKeyByRollout: db.prepare('SELECT pr_key FROM rollouts WHERE rollout_id = ?'),
    selectOpenPrKeys: db.prepare(
      'SELECT pr_key FROM pull_requests WHERE repo = ? AND closed = 0 AND state IS NOT NULL ORDER BY pr_key',
    ),
    upsertTimer: db.prepare(
      `INSERT INTO timers (rollout_id, kind, pr_key, due_at) VALUES (@rollout_id, @kind, @pr_key, @due_at)
       ON CONFLICT (rollout_id, kind) DO UPDATE SET pr_key = excluded.pr_key, due_at = excluded.due_at`,
    ),
    deleteRolloutTimers: db.prepare('DELETE FROM timers WHERE rollout_id = ?'),
    selectDueTimers: db.prepare(
      'SELECT rollout_id, kind, pr_key, due_at FROM timers WHERE due_at <= ? ORDER BY due_at, rollout_id, kind LIMIT ?',
    ),
    // The kinds come as one JSON array. The index on due_at holds the key, kind included, so due
    // timers of other kinds are stepped over in the index without reading their rows: 2.3 ms for a
    // read of deadlines behind 10,000 due looks, a backlog only a restart leaves.
    selectDueTimersOfKinds: db.prepare(
      `SELECT rollout_id, kind, pr_key, due_at FROM timers
       WHERE due_at <= ? AND kind IN (SELECT value FROM json_each(?))
       ORDER BY due_at, rollout_id, kind LIMIT ?`,
    ),
    deleteTimer: db.prepare('DELETE FROM timers WHERE rollout_id = @rollout_id AND kind = @kind AND due_at = @due_at'),
    selectNextDueAt: db.prepare('SELECT MIN(due_at) AS due_at FROM timers'),
    insertOutbox: db.prepare(
      `INSERT INTO outbox (pr_key, event_seq, type, body, status, attempts, created_at, updated_at)
       VALUES (@pr_key, @event_seq, @type, @body, 'pending', 0, @at, @at)`,
    ),
    selectOutboxByStatus: db.prepare(`SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE status = ? ORDER BY id LIMIT ?`),
    selectOutboxStatus: db.prepare('SELECT status FROM outbox WHERE id = ?'),
    updateOutboxStarted: db.prepare(
      "UPDATE outbox SET status = 'started', attempts = attempts + 1, updated_at = @now WHERE id = @id",
    ),
    updateOutboxDone: db.prepare("UPDATE outbox SET status = 'done', updated_at = @now WHERE id = @id"),
    insertDelivery: db.prepare(
      'INSERT OR IGNORE INTO deliveries (source, delivery_id, at) VALUES (@source, @delivery_id, @at)',
    ),
  };
}
