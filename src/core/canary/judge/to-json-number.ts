import type { JsonNumber } from './judge-types.ts';

/** A JSON-safe number: ±∞ and NaN as strings (canonical JSON throws on them). */
export function toJsonNumber(v: number): JsonNumber {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return 'Infinity';
  if (v === Number.NEGATIVE_INFINITY) return '-Infinity';
  return v === 0 ? 0 : v;
}
