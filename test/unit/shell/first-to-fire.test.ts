import { describe, expect, it } from 'vitest';
import type { TimerKind } from '../../../src/core/types.ts';
import { firstToFire, type ReadDueTimers, TIMERS_PER_TICK } from '../../../src/shell/first-to-fire.ts';
import type { TimerRow } from '../../../src/shell/ports.ts';
import { TIMER_KINDS } from '../core/domain.ts';

const timer = (rolloutId: string, kind: TimerKind, dueAt: number): TimerRow => ({
  rolloutId,
  kind,
  prKey: `acme/api#${rolloutId}`,
  dueAt,
});

/** The store's `dueTimers` over a list of due timers: of the kinds asked, earliest first, at most `limit`; it counts reads. */
function readerOver(due: readonly TimerRow[]): ReadDueTimers & { reads: TimerKind[][] } {
  const reads: TimerKind[][] = [];
  const read = (kinds: readonly TimerKind[], limit: number): TimerRow[] => {
    reads.push([...kinds]);
    return due
      .filter((t) => kinds.includes(t.kind))
      .sort((a, b) => a.dueAt - b.dueAt)
      .slice(0, limit);
  };
  return Object.assign(read, { reads });
}

describe('firstToFire', () => {
  it('fires deadlines before repeating looks that fell due earlier, each group oldest first', () => {
    const due = [
      timer('a', 'canary_watch', 1),
      timer('b', 'preflight_retry', 2),
      timer('c', 'time_lock', 3),
      timer('d', 'canary_watch', 4),
      timer('e', 'approval_expiry', 5),
      timer('f', 'verification', 6),
      timer('g', 'approval_reminder', 7),
    ];
    expect(firstToFire(readerOver(due)).map((t) => `${t.rolloutId} ${t.kind}`)).toEqual([
      'c time_lock',
      'e approval_expiry',
      'f verification',
      'g approval_reminder',
      'a canary_watch',
      'b preflight_retry',
      'd canary_watch',
    ]);
  });

  it('a time lock due behind 10,000 looks (a restart with 10,000 canaries) is in the first tick', () => {
    const looks = Array.from({ length: 10_000 }, (_, i) => timer(`r${i}`, 'canary_watch', i));
    const fired = firstToFire(readerOver([...looks, timer('locked', 'time_lock', 20_000)]));
    expect(fired).toHaveLength(TIMERS_PER_TICK);
    expect(fired[0]).toEqual(timer('locked', 'time_lock', 20_000));
    expect(fired.slice(1).map((t) => t.dueAt)).toEqual(Array.from({ length: TIMERS_PER_TICK - 1 }, (_, i) => i));
  });

  it('a tick full of deadlines reads no looks; every kind is read as one or the other', () => {
    const locks = Array.from({ length: TIMERS_PER_TICK + 5 }, (_, i) => timer(`l${i}`, 'time_lock', i));
    const read = readerOver([...locks, timer('w', 'canary_watch', 0)]);
    const fired = firstToFire(read);
    expect(fired.map((t) => t.rolloutId)).toEqual(locks.slice(0, TIMERS_PER_TICK).map((t) => t.rolloutId));
    expect(read.reads).toHaveLength(1);
    const both = readerOver([]);
    firstToFire(both);
    expect(both.reads.flat().sort()).toEqual([...TIMER_KINDS].sort());
  });
});
