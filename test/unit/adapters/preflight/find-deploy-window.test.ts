import { describe, expect, it } from 'vitest';
import { findDeployWindow } from '../../../../src/adapters/preflight/find-deploy-window.ts';
import type { DeployWindow } from '../../../../src/config/types.ts';

const BERLIN_WORKDAYS: DeployWindow = {
  days: ['mon', 'tue', 'wed', 'thu'],
  startMinute: 9 * 60,
  endMinute: 17 * 60,
  timeZone: 'Europe/Berlin',
};
const NEW_YORK_FRIDAY: DeployWindow = {
  days: ['fri'],
  startMinute: 10 * 60,
  endMinute: 12 * 60,
  timeZone: 'America/New_York',
};

describe('findDeployWindow', () => {
  it.each([
    ['no windows: always open', [], '2026-11-28T03:00:00Z', true, null],
    ['Monday 09:00 Berlin (08:00 UTC in winter) is open', [BERLIN_WORKDAYS], '2026-11-23T08:00:00Z', true, null],
    ['Monday 08:59 Berlin waits one minute', [BERLIN_WORKDAYS], '2026-11-23T07:59:00Z', false, '2026-11-23T08:00:00Z'],
    [
      '17:00 is already closed (end is exclusive)',
      [BERLIN_WORKDAYS],
      '2026-11-23T16:00:00Z',
      false,
      '2026-11-24T08:00:00Z',
    ],
    ['Thursday evening waits for Monday', [BERLIN_WORKDAYS], '2026-11-26T18:00:00Z', false, '2026-11-30T08:00:00Z'],
    ['summer time: 09:00 Berlin is 07:00 UTC', [BERLIN_WORKDAYS], '2026-06-01T07:00:00Z', true, null],
    ['across the spring DST change', [BERLIN_WORKDAYS], '2026-03-27T12:00:00Z', false, '2026-03-30T07:00:00Z'],
    [
      'the earliest of several windows',
      [BERLIN_WORKDAYS, NEW_YORK_FRIDAY],
      '2026-11-26T18:00:00Z',
      false,
      '2026-11-27T15:00:00Z',
    ],
    [
      'a window on no reachable day never opens',
      [{ ...BERLIN_WORKDAYS, days: [], startMinute: 0 }],
      '2026-11-23T08:00:00Z',
      false,
      null,
    ],
  ] as const)('%s', (_name, windows, now, open, next) => {
    const state = findDeployWindow(windows, Date.parse(now));
    expect(state).toEqual({ open, nextAt: next === null ? null : Date.parse(next) });
  });
});
