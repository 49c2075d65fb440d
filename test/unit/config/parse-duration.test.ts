import { describe, expect, it } from 'vitest';
import { MAX_DURATION_MS, parseDuration } from '../../../src/config/parse-duration.ts';
import { configErrors, documentWith, validConfig } from './minimal-config.ts';

describe('parseDuration', () => {
  it.each([
    ['30s', 30_000],
    ['15m', 900_000],
    ['24h', 86_400_000],
    ['1h30m', 5_400_000],
    ['2d', 172_800_000],
    ['1d2h3m4s', 93_784_000],
    [' 5m ', 300_000],
    ['90', 90_000],
    [90, 90_000],
    [0.5, 500],
    [20, 20_000],
    ['365d', MAX_DURATION_MS],
  ] as const)('%j is %i ms', (input, ms) => {
    expect(parseDuration(input)).toBe(ms);
  });

  it.each([
    ['', 'empty'],
    ['m', 'a unit alone'],
    ['15', null],
    ['15 m', 'a space inside'],
    ['30m1h', 'units out of order'],
    ['1h1h', 'a unit twice'],
    ['1.5h', 'a fraction in a string'],
    ['500ms', 'milliseconds'],
    ['-5m', 'a negative string'],
    ['0s', 'zero'],
    [0, 'zero seconds'],
    [-1, 'negative seconds'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'infinity'],
    [1e300, 'far too long'],
    ['366d', 'more than a year'],
    [null, 'null'],
    [true, 'a boolean'],
    [['15m'], 'a list'],
  ] as const)('%j is refused (%s)', (input, why) => {
    if (why === null) return expect(parseDuration(input)).toBe(15_000);
    expect(parseDuration(input)).toBeNull();
  });
});

describe('durations in the configuration', () => {
  it('turns every duration into milliseconds', () => {
    const config = validConfig(
      documentWith((d) => {
        d.time_lock = '1h30m';
        d.preflight_retry = 30;
        d.canary = { watch_interval: '45s' };
        const repo = d.repositories[0];
        repo.gates[0].timeout = '2m';
        repo.deploy.production.timeout = 1200;
        repo.approvals.expiry = '2d';
        repo.approvals.reminder = '4h';
        repo.verification_window = '10m';
      }),
    );
    const repo = config.repositories[0]!;
    expect([
      config.timeLockMs,
      config.preflightRetryMs,
      config.canary.watchIntervalMs,
      repo.gates[0]?.timeoutMs,
      repo.deploy.production.timeoutMs,
      repo.approvals.expiryMs,
      repo.approvals.reminderMs,
      repo.verificationMs,
    ]).toEqual([5_400_000, 30_000, 45_000, 120_000, 1_200_000, 172_800_000, 14_400_000, 600_000]);
  });

  it('accepts a time lock under a minute only with allow_short_time_lock (the demo uses 20 s)', () => {
    expect(configErrors(documentWith((d) => (d.time_lock = '20s')))[0]?.path).toBe('time_lock');
    expect(configErrors(documentWith((d) => (d.time_lock = 59)))[0]?.path).toBe('time_lock');
    expect(validConfig(documentWith((d) => (d.time_lock = '1m'))).timeLockMs).toBe(60_000);
    const demo = validConfig(documentWith((d) => Object.assign(d, { time_lock: '20s', allow_short_time_lock: true })));
    expect(demo).toMatchObject({ timeLockMs: 20_000, allowShortTimeLock: true });
  });
});
