import { formatNumber } from './format-number.ts';

/** A ratio as a signed percentage change: 1.123 → "+12.3 %", 0.5 → "−50 %". */
export function formatRatio(r: number): string {
  if (Number.isNaN(r)) return 'n/a';
  if (r === Number.POSITIVE_INFINITY) return '+∞ %';
  const pct = (r - 1) * 100;
  const a = Math.abs(pct) < 1e-9 ? 0 : Math.abs(pct);
  return `${a === 0 ? '±' : pct > 0 ? '+' : '−'}${formatNumber(a, 3)} %`;
}
