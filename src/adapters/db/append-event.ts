import { canonicalJson } from '../../core/canonical-json.ts';
import { type ChainedEvent, chainHash } from './chain-hash.ts';
import type { HashFn } from './sha256-hex.ts';
import type { StoreStatements } from './store-statements.ts';

/**
 * Chains `event` onto the log of `prKey` inside the caller's transaction: the policy (by hash), the
 * row with `hash = SHA-256(prev_hash ‖ canonical JSON)` (DESIGN.md, Persistence) and the chain head.
 * Shared by every stream of the log: the pull requests' decisions and the risk ledger. Returns the
 * row's sequence number.
 */
export function appendEvent(
  s: StoreStatements,
  hash: HashFn,
  prKey: string,
  event: ChainedEvent,
  policyBody: string,
): number {
  const policyHash = hash(policyBody);
  s.insertPolicy.run({ hash: policyHash, body: policyBody });
  const head = s.selectChainHead.get();
  if (head === undefined) throw new Error('shiplock: chain_head row is missing; the database is not migrated');
  const seq = head.seq + 1;
  const rowHash = chainHash(hash, head.hash, { seq, prKey, at: event.at, event, policyHash });
  s.insertEvent.run({
    seq,
    pr_key: prKey,
    at: event.at,
    type: event.type,
    body: canonicalJson(event),
    policy_hash: policyHash,
    prev_hash: head.hash,
    hash: rowHash,
  });
  s.updateChainHead.run({ seq, hash: rowHash, count: head.count + 1 });
  return seq;
}
