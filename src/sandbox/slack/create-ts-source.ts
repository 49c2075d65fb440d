import type { Clock } from './types.ts';

/** Issues Slack message timestamps. */
export interface TsSource {
  /** The next `ts`, e.g. `"1700000000.000100"`: the clock's seconds, then microseconds, strictly increasing. */
  next(): string;
}

/**
 * Slack's `ts` is a message's id inside its channel: seconds and microseconds, unique and increasing.
 * Two messages in the same microsecond still get distinct, ordered ids.
 */
export function createTsSource(clock: Clock): TsSource {
  let last = 0;
  return {
    next() {
      last = Math.max(Math.floor(clock()) * 1000, last + 1);
      return toTs(last);
    },
  };
}

/** Formats microseconds since the epoch as a Slack `ts`. */
export function toTs(micros: number): string {
  const seconds = Math.floor(micros / 1_000_000);
  const fraction = String(micros % 1_000_000).padStart(6, '0');
  return `${seconds}.${fraction}`;
}
