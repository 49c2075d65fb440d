import { formatPath } from './format-path.ts';
import { parseDuration } from './parse-duration.ts';
import { parseTimeOfDay } from './parse-time-of-day.ts';
import { field, items, text } from './raw-access.ts';
import type { ConfigError } from './types.ts';

/** The shortest time lock allowed without `allow_short_time_lock: true`. */
export const MIN_TIME_LOCK_MS = 60_000;

/**
 * Checks the timing rules: a time lock shorter than a minute leaves nobody time to cancel, so it
 * needs `allow_short_time_lock: true` (meant for demos and tests); a deploy window ends after it
 * starts.
 */
export function checkSchedule(raw: unknown): ConfigError[] {
  const errors: ConfigError[] = [];
  const lock = field(raw, 'time_lock');
  const lockMs = lock === undefined ? null : parseDuration(lock);
  if (lockMs !== null && lockMs < MIN_TIME_LOCK_MS && field(raw, 'allow_short_time_lock') !== true) {
    errors.push({
      path: 'time_lock',
      message:
        'is shorter than 1 minute, too short for anyone to cancel a deploy; set allow_short_time_lock: true only for demos and tests',
    });
  }
  items(field(raw, 'deploy_windows')).forEach((window, w) => {
    const start = parseTimeOfDay(text(field(window, 'start')) ?? '');
    const end = parseTimeOfDay(text(field(window, 'end')) ?? '', true);
    if (start !== null && end !== null && end <= start) {
      errors.push({
        path: formatPath(['deploy_windows', w, 'end']),
        message: 'must be later than start; write a window that runs past midnight as two windows',
      });
    }
  });
  return errors;
}
