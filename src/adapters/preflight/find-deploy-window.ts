import type { DeployWindow, Weekday } from '../../config/types.ts';

/** Whether production may start now, and if not, when it may next. */
export interface WindowState {
  readonly open: boolean;
  /** The next minute a window opens; null when open now, or when no window opens within 8 days. */
  readonly nextAt: number | null;
}

const WEEKDAYS: Readonly<Record<string, Weekday>> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};
const MINUTE = 60_000;
/** A week and a day: every weekly window comes round within it, even across a DST change. */
const HORIZON_MINUTES = 8 * 24 * 60;

/**
 * Evaluates the deploy windows at `now` (epoch ms) in each window's own time zone. No windows means
 * always open. The next opening is searched minute by minute, which handles DST shifts exactly.
 */
export function findDeployWindow(windows: readonly DeployWindow[], now: number): WindowState {
  if (windows.length === 0 || windows.some((w) => inWindow(w, now))) return { open: true, nextAt: null };
  const start = Math.floor(now / MINUTE) * MINUTE + MINUTE;
  for (let i = 0; i < HORIZON_MINUTES; i++) {
    const at = start + i * MINUTE;
    if (windows.some((w) => inWindow(w, at))) return { open: false, nextAt: at };
  }
  return { open: false, nextAt: null };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function inWindow(window: DeployWindow, at: number): boolean {
  const { day, minute } = localTime(window.timeZone, at);
  return window.days.includes(day) && minute >= window.startMinute && minute < window.endMinute;
}

function localTime(timeZone: string, at: number): { day: Weekday; minute: number } {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  const day = WEEKDAYS[parts.weekday ?? ''] ?? 'mon';
  return { day, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}
