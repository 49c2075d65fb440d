import type { PrKey } from '../../shell/ports.ts';

/** A head of the chain known from elsewhere (a checkpoint posted to the audit channel). */
export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

/** What the audit found wrong first, as a stable code. */
export type AuditProblem =
  /** A row is missing (deleted) or numbered out of order. */
  | 'seq_gap'
  /** A row does not link to the hash of the row before it (deleted, inserted, reordered). */
  | 'prev_hash_mismatch'
  /** A row's hash is not the hash of its contents (edited). */
  | 'hash_mismatch'
  | 'body_not_json'
  /** The body parses but is not the canonical JSON the store writes (edited). */
  | 'body_not_canonical'
  /** The `type` or `at` column disagrees with the body (edited). */
  | 'column_mismatch'
  | 'policy_missing'
  /** A policy's body no longer hashes to its key (edited). */
  | 'policy_hash_mismatch'
  | 'head_missing'
  /** `chain_head` is not the last row (truncated, appended to). */
  | 'head_mismatch'
  /** The expected head or a stored checkpoint is not in the log (rewritten, truncated). */
  | 'checkpoint_mismatch'
  /** A pull request has events but no snapshot row. */
  | 'snapshot_missing'
  /** A snapshot row has no events. */
  | 'snapshot_orphan'
  /** A snapshot's `last_seq` is not its last event (truncated, appended to). */
  | 'last_seq_mismatch'
  | 'replay_failed'
  /** Replaying the pull request's events does not give its stored snapshot (invariant I6). */
  | 'replay_mismatch'
  | 'snapshot_columns_mismatch'
  | 'rollout_index_mismatch'
  /** A row of the risk ledger's stream is not a ledger event, or repeats a key (issue #7). */
  | 'risk_event_invalid';

/** A failed audit: the first bad row (or pull request) and why. */
export interface AuditFailure {
  readonly ok: false;
  /** The first row that is wrong or missing; `null` when no row can be named (a stray policy). */
  readonly firstBadSeq: number | null;
  readonly prKey: PrKey | null;
  readonly problem: AuditProblem;
  readonly detail: string;
}

/** The audit's verdict. */
export type AuditResult =
  | { readonly ok: true; readonly count: number; readonly headSeq: number; readonly headHash: string }
  | AuditFailure;

/** Builds a failure. */
export function auditFailure(
  problem: AuditProblem,
  firstBadSeq: number | null,
  detail: string,
  prKey: PrKey | null = null,
): AuditFailure {
  return { ok: false, firstBadSeq, prKey, problem, detail };
}
