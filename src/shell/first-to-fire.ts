import type { TimerKind } from '../core/types.ts';
import type { TimerRow } from './ports.ts';

/**
 * Timers fired per tick. The rest fire from the next wake-up (`drain` arms it at once while any is
 * due), so a burst of due timers never holds the event loop: command results, clicks and webhooks
 * are taken in between.
 */
export const TIMERS_PER_TICK = 50;
/** Repeating timers that tolerate firing a little late; deadlines go first (issue 8: time locks). */
const REPEATING: ReadonlySet<TimerKind> = new Set<TimerKind>(['canary_watch', 'preflight_retry']);

/**
 * Which due timers this tick fires: deadlines (the time lock, approval reminder and expiry, the end
 * of verification) before repeating looks, each group oldest first. With 1,000 canaries re-judged
 * at once, a time lock waited behind the looks due before it for up to 1.9 s (bench/time-lock-firing.ts).
 */
export function firstToFire(due: readonly TimerRow[]): readonly TimerRow[] {
  const deadlines = due.filter((t) => !REPEATING.has(t.kind));
  const repeating = due.filter((t) => REPEATING.has(t.kind));
  return [...deadlines, ...repeating].slice(0, TIMERS_PER_TICK);
}
