import type Database from 'better-sqlite3';
import { RISK_STREAM } from '../risk/risk-stream.ts';
import { verifyRiskStream } from '../risk/verify-risk-stream.ts';
import { type AuditFailure, type AuditHead, type AuditResult, auditFailure } from './audit-result.ts';
import { type HashFn, sha256Hex } from './sha256-hex.ts';
import { verifyChain } from './verify-chain.ts';
import { verifySnapshots } from './verify-snapshots.ts';

/** Options of {@link verifyAuditLog}. */
export interface VerifyAuditLogOptions {
  /** SHA-256 as hex; defaults to `node:crypto`. */
  readonly hash?: HashFn;
  /** A head known from outside the database (the last checkpoint posted to the audit channel). */
  readonly expectHead?: AuditHead;
}

/**
 * `shiplock audit verify`: checks the hash chain row by row, its end against `chain_head`, the
 * stored and expected checkpoints, every policy, and that replaying each pull request's events
 * gives its stored snapshot. Reads in one transaction, so it sees one consistent version of the
 * database even while the bot writes through another connection (WAL).
 */
export function verifyAuditLog(db: Database.Database, options: VerifyAuditLogOptions = {}): AuditResult {
  const hash = options.hash ?? sha256Hex;
  return db.transaction((): AuditResult => {
    const chain = verifyChain(db, hash, options.expectHead);
    if ('ok' in chain) return chain;
    // The risk ledger's stream is no pull request: it has its own check, not a snapshot.
    const pullRequests = new Map([...chain.lastSeqByPr].filter(([key]) => key !== RISK_STREAM));
    const problem = verifySnapshots(db, pullRequests) ?? verifyRiskStream(db) ?? findEditedPolicy(db, hash);
    if (problem !== null) return problem;
    return { ok: true, count: chain.count, headSeq: chain.headSeq, headHash: chain.headHash };
  })();
}

/** Policies no event names are still part of the record: an edit of one is reported too. */
function findEditedPolicy(db: Database.Database, hash: HashFn): AuditFailure | null {
  for (const p of db.prepare<[], { hash: string; body: string }>('SELECT hash, body FROM policies').iterate()) {
    if (hash(p.body) !== p.hash) return auditFailure('policy_hash_mismatch', null, `policy ${p.hash} was edited`);
  }
  return null;
}
