import type Database from 'better-sqlite3';
import { canonicalJson } from '../../core/canonical-json.ts';
import type { Event } from '../../core/types.ts';
import { type AuditFailure, type AuditHead, auditFailure } from './audit-result.ts';
import { chainHash, GENESIS_HASH } from './chain-hash.ts';
import type { HashFn } from './sha256-hex.ts';
import type { ChainHeadRecord, EventRecord } from './sql-rows.ts';

/** A chain that links up: its length, its last link and each pull request's last event. */
export interface VerifiedChain {
  readonly count: number;
  readonly headSeq: number;
  readonly headHash: string;
  /** In order of each pull request's first event. */
  readonly lastSeqByPr: ReadonlyMap<string, number>;
}

/**
 * Walks the log in `seq` order, one row at a time, and checks every link: numbering 1, 2, 3…,
 * `prev_hash`, the recomputed hash, the body against its columns, the policy it names, then the end
 * of the chain against `chain_head`, the stored checkpoints and the externally known `expectHead`.
 */
export function verifyChain(
  db: Database.Database,
  hash: HashFn,
  expectHead: AuditHead | undefined,
): VerifiedChain | AuditFailure {
  const checkpoints = loadCheckpoints(db, expectHead);
  const checkPolicy = createPolicyChecker(db, hash);
  const lastSeqByPr = new Map<string, number>();
  let prev = { seq: 0, hash: GENESIS_HASH };
  const rows = db.prepare<[], EventRecord>(
    'SELECT seq, pr_key, at, type, body, policy_hash, prev_hash, hash FROM events ORDER BY seq',
  );
  for (const row of rows.iterate()) {
    if (row.seq !== prev.seq + 1) {
      return auditFailure('seq_gap', prev.seq + 1, `row ${prev.seq + 1} is missing; the next row is ${row.seq}`);
    }
    const problem = checkRow(row, prev.hash, hash) ?? checkPolicy(row) ?? checkpoints.check(row.seq, row.hash);
    if (problem !== null) return problem;
    lastSeqByPr.set(row.pr_key, row.seq);
    prev = { seq: row.seq, hash: row.hash };
  }
  return checkEnd(db, prev, checkpoints) ?? { count: prev.seq, headSeq: prev.seq, headHash: prev.hash, lastSeqByPr };
}

function checkRow(row: EventRecord, prevHash: string, hash: HashFn): AuditFailure | null {
  const { seq } = row;
  if (row.prev_hash !== prevHash)
    return auditFailure('prev_hash_mismatch', seq, `row ${seq} does not link to row ${seq - 1}`);
  let event: Event;
  try {
    event = JSON.parse(row.body) as Event;
  } catch {
    return auditFailure('body_not_json', seq, `row ${seq}'s body is not JSON`);
  }
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    return auditFailure('body_not_json', seq, `row ${seq}'s body is not an event object`);
  }
  if (canonicalJson(event) !== row.body)
    return auditFailure('body_not_canonical', seq, `row ${seq}'s body was rewritten`);
  if (event.type !== row.type || event.at !== row.at) {
    return auditFailure('column_mismatch', seq, `row ${seq}'s type or at column disagrees with its body`);
  }
  const link = { seq, prKey: row.pr_key, at: row.at, event, policyHash: row.policy_hash };
  if (chainHash(hash, prevHash, link) !== row.hash) return auditFailure('hash_mismatch', seq, `row ${seq} was edited`);
  return null;
}

/** Each policy is checked once, when the first event names it. */
function createPolicyChecker(db: Database.Database, hash: HashFn): (row: EventRecord) => AuditFailure | null {
  const verified = new Set<string>();
  const select = db.prepare<[string], { body: string }>('SELECT body FROM policies WHERE hash = ?');
  return (row) => {
    if (verified.has(row.policy_hash)) return null;
    const policy = select.get(row.policy_hash);
    if (policy === undefined) {
      return auditFailure(
        'policy_missing',
        row.seq,
        `row ${row.seq} names policy ${row.policy_hash}, which is not stored`,
      );
    }
    if (hash(policy.body) !== row.policy_hash) {
      return auditFailure(
        'policy_hash_mismatch',
        row.seq,
        `policy ${row.policy_hash} (first used by row ${row.seq}) was edited`,
      );
    }
    verified.add(row.policy_hash);
    return null;
  };
}

interface Checkpoints {
  check(seq: number, hash: string): AuditFailure | null;
  /** The highest checkpointed sequence number. */
  readonly maxSeq: number;
}

/** Stored checkpoints and the external one must all be links of the chain. */
function loadCheckpoints(db: Database.Database, expectHead: AuditHead | undefined): Checkpoints {
  const bySeq = new Map<number, { hash: string; source: string }[]>();
  const add = (seq: number, hash: string, source: string): void => {
    bySeq.set(seq, [...(bySeq.get(seq) ?? []), { hash, source }]);
  };
  const stored = db.prepare<[], { id: number; seq: number; hash: string }>(
    'SELECT id, seq, hash FROM audit_checkpoints',
  );
  for (const c of stored.iterate()) add(c.seq, c.hash, `stored checkpoint ${c.id}`);
  if (expectHead !== undefined) add(expectHead.seq, expectHead.hash, 'the expected head');
  const check = (seq: number, hash: string): AuditFailure | null => {
    const wrong = (bySeq.get(seq) ?? []).find((c) => c.hash !== hash);
    if (wrong === undefined) return null;
    return auditFailure('checkpoint_mismatch', seq, `row ${seq} differs from ${wrong.source}: the log was rewritten`);
  };
  return { check, maxSeq: Math.max(0, ...bySeq.keys()) };
}

function checkEnd(db: Database.Database, last: AuditHead, checkpoints: Checkpoints): AuditFailure | null {
  const genesis = last.seq === 0 ? checkpoints.check(0, GENESIS_HASH) : null;
  if (genesis !== null) return genesis;
  if (checkpoints.maxSeq > last.seq) {
    return auditFailure(
      'checkpoint_mismatch',
      last.seq + 1,
      `the log ends at ${last.seq} but a checkpoint knows row ${checkpoints.maxSeq}: truncated`,
    );
  }
  const head = db.prepare<[], ChainHeadRecord>('SELECT seq, hash, count FROM chain_head WHERE id = 1').get();
  if (head === undefined) return auditFailure('head_missing', null, 'the chain_head row is missing');
  if (head.seq !== last.seq || head.hash !== last.hash || head.count !== last.seq) {
    const detail = `chain_head says ${head.seq}/${head.count} rows, the log has ${last.seq}: truncated or appended to`;
    const firstBad = head.seq === last.seq ? last.seq : Math.min(head.seq, last.seq) + 1;
    return auditFailure('head_mismatch', firstBad, detail);
  }
  return null;
}
