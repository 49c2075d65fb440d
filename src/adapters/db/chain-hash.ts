import { canonicalJson } from '../../core/canonical-json.ts';
import type { HashFn } from './sha256-hex.ts';

/** The `prev_hash` of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** A row's JSON event: a pull request's `Event`, or an event of another stream (the risk ledger). */
export interface ChainedEvent {
  readonly type: string;
  readonly at: number;
}

/** What one link of the chain covers. */
export interface ChainLink {
  readonly seq: number;
  readonly prKey: string;
  readonly at: number;
  readonly event: ChainedEvent;
  readonly policyHash: string;
}

/** `hash = SHA-256(prev_hash ‖ canonicalJson({seq, prKey, at, event, policyHash}))` (DESIGN.md, Persistence). */
export function chainHash(hash: HashFn, prevHash: string, link: ChainLink): string {
  const { seq, prKey, at, event, policyHash } = link;
  return hash(prevHash + canonicalJson({ seq, prKey, at, event, policyHash }));
}
