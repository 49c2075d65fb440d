import type { TimerKind } from '../core/types.ts';
import type { TimerRow } from './ports.ts';

/**
 * Timers fired per tick. The rest fire from the next wake-up (`drain` arms it at once while any is
 * due), so a burst of due timers never holds the event loop: command results, clicks and webhooks
 * are taken in between.
 */
export const TIMERS_PER_TICK = 50;
/**
 * Whether each kind of timer repeats and tolerates firing a little late (issue 8: time locks); the
 * others are deadlines. A `Record`, so a new kind cannot be left out (and never fired).
 */
const REPEATS: Readonly<Record<TimerKind, boolean>> = {
  time_lock: false,
  approval_reminder: false,
  approval_expiry: false,
  verification: false,
  canary_watch: true,
  preflight_retry: true,
};
const KINDS = Object.keys(REPEATS) as TimerKind[];
const DEADLINES = KINDS.filter((kind) => !REPEATS[kind]);
const REPEATING = KINDS.filter((kind) => REPEATS[kind]);

/** Due timers of the given kinds, earliest first, at most `limit` (the store's `dueTimers`). */
export type ReadDueTimers = (kinds: readonly TimerKind[], limit: number) => readonly TimerRow[];

/**
 * Which due timers this tick fires: deadlines before repeating looks, each group oldest first. With
 * 1,000 canaries re-judged at once, a time lock waited behind the looks due before it for up to
 * 1.9 s (bench/time-lock-firing.ts). Each group is read by itself, so no number of due looks (10,000
 * after a restart with 10,000 canaries) can keep a deadline out of the tick.
 */
export function firstToFire(read: ReadDueTimers): readonly TimerRow[] {
  const deadlines = read(DEADLINES, TIMERS_PER_TICK);
  if (deadlines.length >= TIMERS_PER_TICK) return deadlines;
  return [...deadlines, ...read(REPEATING, TIMERS_PER_TICK - deadlines.length)];
}
