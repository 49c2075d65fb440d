/** Nearest-rank percentile of already sorted values (`p` in 0–100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

/** p50 / p99 / max of a sample, in its unit. */
export interface Summary {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** Sorts a copy and reads the percentiles the benchmarks report. */
export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** One `name: value unit (ratio ×)` line, as issue 8 asks. */
export function formatLine(name: string, value: number, unit: string, ratio?: { value: number; of: string }): string {
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1);
  return `${name}: ${shown} ${unit}${ratio === undefined ? '' : ` (${ratio.value.toFixed(2)} × ${ratio.of})`}`;
}

/**
 * `name p50`, `name p99`, `name max` lines (or the `keys` asked for), each with its ratio to the
 * same percentile of `versus` when given.
 */
export function formatPercentiles(
  name: string,
  summary: Summary,
  unit: string,
  options: {
    readonly versus?: { readonly summary: Summary; readonly of: string };
    readonly keys?: readonly ('p50' | 'p99' | 'max')[];
  } = {},
): string[] {
  const { versus, keys = ['p50', 'p99', 'max'] } = options;
  return keys.map((key) =>
    formatLine(
      `${name} ${key}`,
      summary[key],
      unit,
      versus === undefined ? undefined : { value: summary[key] / versus.summary[key], of: versus.of },
    ),
  );
}
