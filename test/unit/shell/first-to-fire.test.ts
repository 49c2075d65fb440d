import { describe, expect, it } from 'vitest';
import type { TimerKind } from '../../../src/core/types.ts';
import { firstToFire, TIMERS_PER_TICK } from '../../../src/shell/first-to-fire.ts';
import type { TimerRow } from '../../../src/shell/ports.ts';

const timer = (rolloutId: string, kind: TimerKind, dueAt: number): TimerRow => ({
  rolloutId,
  kind,
  prKey: `acme/api#${rolloutId}`,
  dueAt,
});

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
    expect(firstToFire(due).map((t) => `${t.rolloutId} ${t.kind}`)).toEqual([
      'c time_lock',
      'e approval_expiry',
      'f verification',
      'g approval_reminder',
      'a canary_watch',
      'b preflight_retry',
      'd canary_watch',
    ]);
  });

  it('fires at most TIMERS_PER_TICK, and a time lock due behind a burst of looks is among them', () => {
    const looks = Array.from({ length: 300 }, (_, i) => timer(`r${i}`, 'canary_watch', i));
    const due = [...looks, timer('locked', 'time_lock', 400)];
    const fired = firstToFire(due);
    expect(fired).toHaveLength(TIMERS_PER_TICK);
    expect(fired[0]).toEqual(timer('locked', 'time_lock', 400));
    expect(fired.slice(1).map((t) => t.dueAt)).toEqual(Array.from({ length: TIMERS_PER_TICK - 1 }, (_, i) => i));
  });
});
