import type { GateOutcome } from '../../core/types.ts';

type Status = GateOutcome['status'];

const RANK: Readonly<Record<Status, number>> = { passed: 0, failed: 1, error: 2 };

/** `error` beats `failed` beats `passed`: each part of a gate can only make its result worse. */
export function worstStatus(a: Status, b: Status): Status {
  return RANK[b] > RANK[a] ? b : a;
}
