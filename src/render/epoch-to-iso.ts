import type { EpochMs } from '../core/types.ts';

const DAY_MS = 86_400_000;
/** Years 0000–9999 only: ISO 8601 needs an explicit sign and more digits outside them. */
const MIN_MS = -62_167_219_200_000;
const MAX_MS = 253_402_300_799_999;

/**
 * Formats epoch milliseconds as an ISO 8601 UTC timestamp (`2024-05-01T12:34:56.789Z`, the shape of
 * `Date.prototype.toISOString`) without a `Date` object, which `src/render` may not construct (the
 * clock rule of STYLE.md). Returns `null` for non-finite or out-of-range input.
 *
 * Days to civil date: Howard Hinnant's `civil_from_days`
 * (https://howardhinnant.github.io/date_algorithms.html#civil_from_days).
 */
export function epochToIso(ms: EpochMs): string | null {
  if (!Number.isFinite(ms) || ms < MIN_MS || ms > MAX_MS) return null;
  const whole = Math.floor(ms);
  const days = Math.floor(whole / DAY_MS);
  const ofDay = whole - days * DAY_MS;
  const { year, month, day } = civilFromDays(days);
  const hours = Math.floor(ofDay / 3_600_000);
  const minutes = Math.floor((ofDay % 3_600_000) / 60_000);
  const seconds = Math.floor((ofDay % 60_000) / 1000);
  const millis = ofDay % 1000;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(millis, 3)}Z`;
}

function civilFromDays(daysSinceEpoch: number): { year: number; month: number; day: number } {
  const z = daysSinceEpoch + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
