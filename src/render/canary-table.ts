import type { CanaryMetricRow } from '../core/types.ts';
import { escapeMrkdwn } from './mrkdwn.ts';
import { SLACK_LIMITS } from './validate-blocks.ts';

/** How much of the per-metric table the card may take. */
export interface CanaryTableCaps {
  /** Rows shown; the rest are counted (the thread has them all). */
  readonly rows: number;
  /** Characters of a metric name (the operator's config: untrusted). */
  readonly name: number;
  /** Characters of a value cell. */
  readonly cell: number;
}

const VERDICT: Readonly<Record<CanaryMetricRow['verdict'], string>> = {
  healthy: 'healthy',
  unhealthy: 'UNHEALTHY',
  inconclusive: 'inconclusive',
  no_data: 'no data',
};

const HEADER = ['metric', 'baseline', 'canary', 'effect', 'verdict'] as const;

/** Our own words after the code block; what the table holds must leave room for them. */
const ROOM_FOR_NOTE = 120;

const FENCE = '```';

/**
 * The card's per-metric canary table (issue 3) as one mrkdwn code block: metric, baseline median,
 * canary median, effect, verdict. Monospace keeps the columns aligned; a code block does not parse
 * formatting, and every cell is escaped anyway (metric names are config, the rest our adapter's
 * strings), with backticks swapped for a look-alike so no cell can close the block. Rows that do
 * not fit the section are counted, never cut in half. `null` when the look has no rows.
 */
export function renderCanaryTable(rows: readonly CanaryMetricRow[] | undefined, caps: CanaryTableCaps): string | null {
  if (rows === undefined || rows.length === 0) return null;
  const cells = rows
    .slice(0, Math.max(0, caps.rows))
    .map((r) => [
      clean(r.name, caps.name, r.critical ? ' (critical)' : ''),
      clean(r.baseline, caps.cell),
      clean(r.canary, caps.cell),
      clean(r.effect, caps.cell),
      [...VERDICT[r.verdict]],
    ]);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]?.length ?? 0)));
  const line = (parts: readonly (readonly string[])[]) =>
    parts.map((p, i) => cell(p, widths[i] ?? 0, i === parts.length - 1)).join('  ');
  const limit = SLACK_LIMITS.sectionText - ROOM_FOR_NOTE;
  let table = `${FENCE}${line(HEADER.map((h) => [...h]))}`;
  let shown = 0;
  for (const c of cells) {
    const next = `${table}\n${line(c)}`;
    if (next.length + FENCE.length > limit) break;
    table = next;
    shown += 1;
  }
  const hidden = rows.length - shown;
  const note = hidden > 0 ? `\n…and ${hidden} more metric${hidden === 1 ? '' : 's'}: the thread has them all.` : '';
  return `${table}${FENCE}${note}`;
}

/**
 * A cell's characters as a reader counts them (code points: a surrogate pair is one), on one line,
 * backticks swapped for a look-alike, cut to `size` with `…` (the suffix is ours and kept whole).
 * Only the first `2·size + 2` code units are looked at: a 100k-character name costs no more.
 */
function clean(text: string, size: number, suffix = ''): string[] {
  const room = Math.max(2, size - suffix.length);
  const head = text.length > 2 * room + 2 ? text.slice(0, 2 * room + 2) : text;
  const chars = [...head.replace(/\s+/g, ' ').replace(/`/g, '\u02CB')];
  const cut = chars.length > room ? [...chars.slice(0, room - 1), '…'] : chars;
  return [...cut, ...suffix];
}

/** One cell padded to `size` characters (unless it is the last on its line), then escaped. */
function cell(chars: readonly string[], size: number, last: boolean): string {
  const padding = last ? '' : ' '.repeat(Math.max(0, size - chars.length));
  return escapeMrkdwn(`${chars.join('')}${padding}`);
}
