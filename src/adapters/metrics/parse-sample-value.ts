/** A decimal number as Go's `strconv.FormatFloat(f, 'f' | 'e', -1, 64)` writes it. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses one Prometheus sample value. Values travel as strings so that `NaN`, `+Inf` and `-Inf`
 * survive JSON (https://prometheus.io/docs/prometheus/latest/querying/api/#expression-query-result-formats);
 * these three are mapped explicitly. `Number()` alone would also accept `""`, `"0x1f"` and
 * `"Infinity"`, so anything that is not a plain decimal is `null` (a malformed answer, never a value).
 */
export function parseSampleValue(text: string): number | null {
  if (text === 'NaN') return Number.NaN;
  if (text === '+Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  if (!DECIMAL.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}
