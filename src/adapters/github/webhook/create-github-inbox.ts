import type Database from 'better-sqlite3';
import { crashPoint } from '../../../shell/crash-point.ts';
import type { Clock } from '../../../shell/ports.ts';
import { projectWebhookPayload } from './project-webhook-payload.ts';

/** A verified delivery as the route hands it over. */
export interface InboxDelivery {
  /** `X-GitHub-Delivery`; a redelivery (manual or through the API) reuses it. */
  readonly deliveryId: string;
  /** `X-GitHub-Event`. */
  readonly event: string;
  readonly receivedAt: number;
  /** The raw body exactly as signed. */
  readonly body: string;
}

/**
 * What became of a delivery handed to the inbox: stored pending, already known (a redelivery), or
 * stored as `failed` because its body is not JSON (the route answers 400 so GitHub shows it failed).
 */
export type StoreOutcome = 'stored' | 'duplicate' | 'malformed';

/** The reason a body that is not JSON is stored as failed. */
export const MALFORMED_JSON = 'shiplock_github_webhook_malformed_json: the body is not JSON.';

/** What became of a delivery. */
export type InboxStatus = 'pending' | 'done' | 'failed' | 'ignored';

/** One stored delivery. */
export interface InboxRow {
  readonly deliveryId: string;
  readonly event: string;
  /** The payload's `action`, when it has one. */
  readonly action: string | null;
  readonly receivedAt: number;
  /** The payload's fields that shiplock reads, as JSON (`projectWebhookPayload`); a body that is not JSON, as sent. */
  readonly body: string;
  readonly status: InboxStatus;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly lastError: string | null;
  readonly processedAt: number | null;
}

/** The durable inbox of GitHub deliveries (migration 0005). Every write is one transaction. */
export interface GitHubInbox {
  /** Stores a new delivery; a known delivery id changes nothing and answers `duplicate`. */
  store(delivery: InboxDelivery): StoreOutcome;
  /**
   * Stores every delivery in one transaction (one fsync), in order: what `store` would answer for
   * each, or a throw with nothing stored. The route's group commit (issue 8's ingest benchmark).
   */
  storeAll(deliveries: readonly InboxDelivery[]): StoreOutcome[];
  /** `storeAll` of deliveries already prepared by `prepareDelivery` (on another thread). */
  storePrepared(rows: readonly PreparedDelivery[]): StoreOutcome[];
  /** Pending deliveries due by `now` (all pending ones when omitted), oldest first. */
  pending(limit: number, now?: number): readonly InboxRow[];
  find(deliveryId: string): InboxRow | null;
  markDone(deliveryId: string): void;
  markIgnored(deliveryId: string, reason: string): void;
  markFailed(deliveryId: string, error: string): void;
  /** Counts a failed attempt and keeps the delivery pending until `nextAttemptAt`. */
  markRetry(deliveryId: string, error: string, nextAttemptAt: number): void;
  /** Deletes finished deliveries processed before `before`; returns how many. */
  prune(before: number): number;
}

interface Row {
  readonly delivery_id: string;
  readonly event: string;
  readonly action: string | null;
  readonly received_at: number;
  readonly body: string;
  readonly status: InboxStatus;
  readonly attempts: number;
  readonly next_attempt_at: number;
  readonly last_error: string | null;
  readonly processed_at: number | null;
}

const toInboxRow = (r: Row): InboxRow => ({
  deliveryId: r.delivery_id,
  event: r.event,
  action: r.action,
  receivedAt: r.received_at,
  body: r.body,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  processedAt: r.processed_at,
});

/** Errors are kept short: they are read by operators, and a hostile body must not bloat the table. */
const clip = (text: string): string => (text.length > 1000 ? `${text.slice(0, 999)}…` : text);

/** A delivery as it is inserted: parsed, reduced to what shiplock reads, or refused as not JSON. */
export interface PreparedDelivery {
  readonly id: string;
  readonly event: string;
  readonly action: string | null;
  readonly at: number;
  readonly body: string;
  readonly status: 'pending' | 'failed';
  readonly error: string | null;
  readonly processed: number | null;
}

/**
 * Parses the body and keeps the fields shiplock reads (`projectWebhookPayload`); a body that is not
 * JSON is kept as sent and marked failed. Pure: it runs before the write lock is taken.
 */
export function prepareDelivery(d: InboxDelivery): PreparedDelivery {
  const base = { id: d.deliveryId, event: d.event, at: d.receivedAt };
  let payload: unknown;
  try {
    payload = JSON.parse(d.body);
  } catch {
    // Kept as sent, for the operator to inspect; GitHub is told 400.
    return { ...base, action: null, body: d.body, status: 'failed', error: MALFORMED_JSON, processed: d.receivedAt };
  }
  const body = projectWebhookPayload(d.event, payload, d.body);
  return { ...base, action: actionOf(payload), body, status: 'pending', error: null, processed: null };
}

/** The payload's `action`, for operators reading the inbox; the processor parses the body itself. */
function actionOf(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null || !('action' in payload)) return null;
  const { action } = payload;
  return typeof action === 'string' && action.length <= 64 ? action : null;
}

/**
 * The inbox on a database opened by `openDatabase` (WAL, `synchronous=FULL`): a delivery is on disk
 * when `store` returns, so acknowledging it afterwards cannot lose it.
 */
export function createGitHubInbox(db: Database.Database, options: { readonly clock?: Clock } = {}): GitHubInbox {
  const clock = options.clock ?? { now: () => Date.now() };
  const write = <T>(fn: () => T): T => db.transaction(fn).immediate();
  const insert = db.prepare(
    `INSERT INTO github_inbox (delivery_id, event, action, received_at, body, status, attempts, next_attempt_at, last_error, processed_at)
     VALUES (@id, @event, @action, @at, @body, @status, 0, @at, @error, @processed)
     ON CONFLICT (delivery_id) DO NOTHING`,
  );
  const due = db.prepare<[number, number], Row>(
    `SELECT * FROM github_inbox WHERE status = 'pending' AND next_attempt_at <= ?
     ORDER BY received_at, rowid LIMIT ?`,
  );
  const byId = db.prepare<[string], Row>('SELECT * FROM github_inbox WHERE delivery_id = ?');
  // Only a pending delivery moves on: a late second worker cannot undo a finished one.
  const finish = db.prepare(
    `UPDATE github_inbox SET status = @status, last_error = @error, processed_at = @now
     WHERE delivery_id = @id AND status = 'pending'`,
  );
  const retry = db.prepare(
    `UPDATE github_inbox SET attempts = attempts + 1, last_error = @error, next_attempt_at = @next
     WHERE delivery_id = @id AND status = 'pending'`,
  );
  const prune = db.prepare(`DELETE FROM github_inbox WHERE status <> 'pending' AND processed_at < ?`);
  const end = (id: string, status: InboxStatus, error: string | null): void =>
    write(() => void finish.run({ id, status, error: error === null ? null : clip(error), now: clock.now() }));

  const insertOne = (row: PreparedDelivery): StoreOutcome => {
    if (insert.run(row).changes === 0) return 'duplicate';
    return row.error === null ? 'stored' : 'malformed';
  };
  // Prepared before the transaction opens: the write lock is held only for the inserts and the commit.
  const storeRows = (rows: readonly PreparedDelivery[]): StoreOutcome[] =>
    write(() => {
      const outcomes = rows.map(insertOne);
      crashPoint('github.inbox.before_insert_commit');
      return outcomes;
    });

  return {
    store: (d) => storeRows([prepareDelivery(d)])[0] as StoreOutcome,
    storeAll: (deliveries) => storeRows(deliveries.map(prepareDelivery)),
    storePrepared: storeRows,
    pending: (limit, now = Number.MAX_SAFE_INTEGER) => due.all(now, Math.max(0, Math.floor(limit))).map(toInboxRow),
    find: (id) => {
      const row = byId.get(id);
      return row === undefined ? null : toInboxRow(row);
    },
    markDone: (id) => end(id, 'done', null),
    markIgnored: (id, reason) => end(id, 'ignored', reason),
    markFailed: (id, error) => end(id, 'failed', error),
    markRetry: (id, error, next) => write(() => void retry.run({ id, error: clip(error), next })),
    prune: (before) => write(() => prune.run(before).changes),
  };
}
