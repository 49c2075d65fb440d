/**
 * Fixed, locale-free formatting for the summary and the details, so identical input gives
 * identical text: up to `digits` significant digits without trailing zeros; ±∞ as "∞".
 */
export function formatNumber(v: number, digits = 3): string {
  if (Number.isNaN(v)) return 'n/a';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const text = a >= 1e-4 && a < 1e6 ? String(Number(v.toPrecision(digits))) : v.toExponential(digits - 1);
  return text.replace('e+', 'e');
}
