const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 } as const;
const DURATION = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** The longest duration accepted anywhere in the configuration: 365 days. */
export const MAX_DURATION_MS = 365 * UNIT_MS.d;

/**
 * Parses a duration written as `30s`, `15m`, `24h`, `1h30m`, `2d` (units in this order, each at
 * most once), as a number of seconds (`90`, `0.5`) or as a string of digits (`"90"`), into
 * milliseconds. Returns null for anything else, for zero or negative values and for values above
 * {@link MAX_DURATION_MS}.
 */
export function parseDuration(value: unknown): number | null {
  if (typeof value === 'number') return checked(value * 1000);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return checked(Number(text) * 1000);
  const match = DURATION.exec(text);
  if (match === null || text === '') return null;
  const [, d, h, m, s] = match;
  const ms = part(d, UNIT_MS.d) + part(h, UNIT_MS.h) + part(m, UNIT_MS.m) + part(s, UNIT_MS.s);
  return checked(ms);
}

function part(digits: string | undefined, unit: number): number {
  return digits === undefined ? 0 : Number(digits) * unit;
}

function checked(ms: number): number | null {
  if (!Number.isFinite(ms) || ms <= 0 || ms > MAX_DURATION_MS) return null;
  return Math.round(ms);
}
