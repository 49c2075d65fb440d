import type { Clock } from './types.ts';

/** A clock that only moves when told to, for trigger expiry and rate-limit windows in tests. */
export interface ManualClock {
  readonly now: Clock;
  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void;
  /** Sets the clock to `ms` milliseconds since the epoch. */
  set(ms: number): void;
}

/** Creates a {@link ManualClock} starting at `startMs` (milliseconds since the epoch). */
export function createManualClock(startMs: number): ManualClock {
  let current = startMs;
  return {
    now: () => current,
    advance(ms) {
      current += ms;
    },
    set(ms) {
      current = ms;
    },
  };
}
