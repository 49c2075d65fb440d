import type { EdgeKind } from './risk-types.ts';

/** True for the edge kinds the receiver acts on (control, approval); data and advice carry none. */
export function carriesAuthority(kind: EdgeKind): boolean {
  return kind === 'control' || kind === 'approval';
}
