import type { CanaryMetricRow } from '../core/types.ts';

const HEADER = ['metric', 'baseline', 'canary', 'effect', 'margin', 'verdict'] as const;

/** The canary's per-metric rows as a plain-text table, the same columns the card shows. */
export function formatMetricTable(rows: readonly CanaryMetricRow[]): string {
  const cells = rows.map((r) => [
    `${r.name}${r.critical ? ' *' : ''}`,
    r.baseline,
    r.canary,
    r.effect,
    r.margin,
    r.verdict === 'healthy' ? 'ok' : r.verdict,
  ]);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const format = (row: readonly string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [format(HEADER), ...cells.map(format), '(* critical: alone makes the canary unhealthy)'].join('\n');
}
