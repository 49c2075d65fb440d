import type Database from 'better-sqlite3';
import type { EpochMs } from '../../core/types.ts';
import type { ChainHeadRecord } from './sql-rows.ts';

/** A head of the chain as posted to the audit channel. */
export interface AuditCheckpoint extends ChainHeadRecord {
  readonly at: EpochMs;
}

/** The chain's last link: `seq` and `hash` of the newest event, and the number of events. */
export function readChainHead(db: Database.Database): ChainHeadRecord {
  const head = db.prepare<[], ChainHeadRecord>('SELECT seq, hash, count FROM chain_head WHERE id = 1').get();
  if (head === undefined) throw new Error('shiplock: chain_head row is missing; the database is not migrated');
  return head;
}

/**
 * Records the current head as a checkpoint. Posting it somewhere the database's owner cannot
 * rewrite (the audit channel) is what makes a consistent rewrite of the whole chain detectable.
 */
export function recordAuditCheckpoint(db: Database.Database, at: EpochMs): AuditCheckpoint {
  return db
    .transaction(() => {
      const head = readChainHead(db);
      db.prepare('INSERT INTO audit_checkpoints (seq, hash, count, at) VALUES (?, ?, ?, ?)').run(
        head.seq,
        head.hash,
        head.count,
        at,
      );
      return { ...head, at };
    })
    .immediate();
}
