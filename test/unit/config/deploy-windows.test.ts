import { describe, expect, it } from 'vitest';
import { parseTimeOfDay } from '../../../src/config/parse-time-of-day.ts';
import { toTimeZone } from '../../../src/config/to-time-zone.ts';
import { configErrors, documentWith, pathsOf, validConfig } from './minimal-config.ts';

const withWindow = (window: Record<string, unknown>) => documentWith((d) => (d.deploy_windows = [window]));
const WORKDAY = { days: ['mon', 'tue'], start: '09:00', end: '17:30', time_zone: 'Europe/Berlin' };

describe('deploy windows', () => {
  it('parses days, minutes after midnight and the canonical time zone', () => {
    const config = validConfig(
      documentWith((d) => {
        d.deploy_windows = [
          WORKDAY,
          { days: ['sat', 'sat'], start: '0:00', end: '24:00', time_zone: 'america/new_york' },
        ];
      }),
    );
    expect(config.deployWindows).toEqual([
      { days: ['mon', 'tue'], startMinute: 540, endMinute: 1050, timeZone: 'Europe/Berlin' },
      { days: ['sat'], startMinute: 0, endMinute: 1440, timeZone: 'America/New_York' },
    ]);
  });

  it('reads 09:00 written without quotes as a time (YAML 1.2, not sexagesimal)', () => {
    const text = `${documentWith(() => {})}deploy_windows:\n  - days: [fri]\n    start: 09:00\n    end: 12:00\n    time_zone: UTC\n`;
    expect(validConfig(text).deployWindows[0]).toMatchObject({ startMinute: 540, endMinute: 720, timeZone: 'UTC' });
  });

  it.each([
    ['an unknown day', { ...WORKDAY, days: ['monday'] }, 'deploy_windows[0].days[0]'],
    ['no days', { ...WORKDAY, days: [] }, 'deploy_windows[0].days'],
    ['a start that is not HH:MM', { ...WORKDAY, start: '9am' }, 'deploy_windows[0].start'],
    ['a start of 24:00', { ...WORKDAY, start: '24:00' }, 'deploy_windows[0].start'],
    ['minutes past 59', { ...WORKDAY, end: '17:60' }, 'deploy_windows[0].end'],
    ['an end before the start', { ...WORKDAY, start: '22:00', end: '02:00' }, 'deploy_windows[0].end'],
    ['an end equal to the start', { ...WORKDAY, end: '09:00' }, 'deploy_windows[0].end'],
    ['an unknown time zone', { ...WORKDAY, time_zone: 'Mars/Olympus_Mons' }, 'deploy_windows[0].time_zone'],
    ['an abbreviation with spaces', { ...WORKDAY, time_zone: ' UTC' }, 'deploy_windows[0].time_zone'],
    ['no time zone', { days: ['mon'], start: '09:00', end: '10:00' }, 'deploy_windows[0].time_zone'],
  ])('refuses %s', (_why, window, path) => {
    expect(pathsOf(configErrors(withWindow(window)))).toEqual([path]);
  });
});

describe('parseTimeOfDay', () => {
  it('reads HH:MM into minutes and allows 24:00 only as an end', () => {
    expect(parseTimeOfDay('00:00')).toBe(0);
    expect(parseTimeOfDay('23:59')).toBe(1439);
    expect(parseTimeOfDay('24:00')).toBeNull();
    expect(parseTimeOfDay('24:00', true)).toBe(1440);
    expect(parseTimeOfDay('24:01', true)).toBeNull();
    expect(parseTimeOfDay('12:5')).toBeNull();
  });
});

describe('toTimeZone', () => {
  it('validates with Intl.DateTimeFormat and returns the canonical name', () => {
    expect(toTimeZone('UTC')).toBe('UTC');
    expect(toTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(toTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(toTimeZone('Not/AZone')).toBeNull();
    expect(toTimeZone('')).toBeNull();
  });
});
