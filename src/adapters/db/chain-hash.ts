import { canonicalJson } from '../../core/canonical-json.ts';
import type { Event } from '../../core/types.ts';
import type { HashFn } from './sha256-hex.ts';

/** The `prev_hash` of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** What one link of the chain covers. */
export interface ChainLink {
  readonly seq: number;
  readonly prKey: string;
  readonly at: number;
  readonly event: Event;
  readonly policyHash: string;
}

/** `hash = SHA-256(prev_hash ‖ canonicalJson({seq, prKey, at, event, policyHash}))` (DESIGN.md, Persistence). */
export function chainHash(hash: HashFn, prevHash: string, link: ChainLink): string {
  const { seq, prKey, at, event, policyHash } = link;
  return hash(prevHash + canonicalJson({ seq, prKey, at, event, policyHash }));
}
