import type { Command, Event, TimerKind } from '../../core/types.ts';
import type { LoggedEventRow, OutboxRow, TimerRow } from '../../shell/ports.ts';

/** An `events` row as SQLite returns it. */
export interface EventRecord {
  readonly seq: number;
  readonly pr_key: string;
  readonly at: number;
  readonly type: string;
  readonly body: string;
  readonly policy_hash: string;
  readonly prev_hash: string;
  readonly hash: string;
}

/** An `outbox` row as SQLite returns it. */
export interface OutboxRecord {
  readonly id: number;
  readonly pr_key: string;
  readonly body: string;
  readonly status: OutboxRow['status'];
  readonly attempts: number;
  readonly created_at: number;
}

/** A `timers` row as SQLite returns it. */
export interface TimerRecord {
  readonly rollout_id: string;
  readonly kind: string;
  readonly pr_key: string;
  readonly due_at: number;
}

/** A `chain_head` or `audit_checkpoints` link. */
export interface ChainHeadRecord {
  readonly seq: number;
  readonly hash: string;
  readonly count: number;
}

/** The port's view of a stored event; the body is our own canonical JSON. */
export function toLoggedEventRow(r: EventRecord): LoggedEventRow {
  return {
    seq: r.seq,
    prKey: r.pr_key,
    at: r.at,
    event: JSON.parse(r.body) as Event,
    policyHash: r.policy_hash,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** The port's view of an outbox row. */
export function toOutboxRow(r: OutboxRecord): OutboxRow {
  return {
    id: r.id,
    prKey: r.pr_key,
    command: JSON.parse(r.body) as Command,
    status: r.status,
    attempts: r.attempts,
    createdAt: r.created_at,
  };
}

/** The port's view of a timer row. */
export function toTimerRow(r: TimerRecord): TimerRow {
  return { rolloutId: r.rollout_id, kind: r.kind as TimerKind, prKey: r.pr_key, dueAt: r.due_at };
}
