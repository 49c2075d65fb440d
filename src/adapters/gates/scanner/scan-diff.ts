import { type Finding, SEVERITIES, type Severity } from '../finding.ts';
import type { DiffFile } from '../parse-unified-diff.ts';
import { RULES } from './rules.ts';
import type { ScanRule } from './scan-rule.ts';

/** Most findings returned (plus one `SL-SCAN-LIMIT` marker when more were found). */
export const MAX_SCAN_FINDINGS = 1_000;
/** Long lines (minified code) are scanned in overlapping windows so every rule stays linear. */
const WINDOW = 2_000;
const OVERLAP = 300;

/**
 * Runs every rule over the lines a PR adds (never removed or context lines) and returns one finding
 * per rule and line, in diff order, naming `path:line` in the new file. When more than
 * {@link MAX_SCAN_FINDINGS} match, the most severe are kept and an `SL-SCAN-LIMIT` finding, as
 * severe as the worst one left out, says how many were dropped. Pure; never throws on any text.
 */
export function scanDiff(files: readonly DiffFile[], rules: readonly ScanRule[] = RULES): Finding[] {
  // One bucket per severity, each capped, so a flood of low findings cannot push out a critical one.
  const buckets = new Map<Severity, { seq: number; finding: Finding }[]>(SEVERITIES.map((s) => [s, []]));
  const dropped = new Map<Severity, number>();
  let seq = 0;
  for (const file of files) {
    for (const added of file.added) {
      for (const rule of rules) {
        const message = testLine(rule, added.text, file.path);
        if (message === null) continue;
        const bucket = buckets.get(rule.severity) ?? [];
        const finding = { ruleId: rule.id, severity: rule.severity, path: file.path, line: added.line, message };
        if (bucket.length < MAX_SCAN_FINDINGS) bucket.push({ seq: seq++, finding });
        else dropped.set(rule.severity, (dropped.get(rule.severity) ?? 0) + 1);
      }
    }
  }
  return select(buckets, dropped);
}

function testLine(rule: ScanRule, text: string, path: string): string | null {
  if (text.length <= WINDOW) return rule.test(text, path);
  for (let start = 0; start < text.length; start += WINDOW - OVERLAP) {
    const message = rule.test(text.slice(start, start + WINDOW), path);
    if (message !== null) return message;
  }
  return null;
}

function select(
  buckets: ReadonlyMap<Severity, readonly { seq: number; finding: Finding }[]>,
  dropped: Map<Severity, number>,
): Finding[] {
  const kept: { seq: number; finding: Finding }[] = [];
  for (const severity of [...SEVERITIES].reverse()) {
    const bucket = buckets.get(severity) ?? [];
    const room = MAX_SCAN_FINDINGS - kept.length;
    kept.push(...bucket.slice(0, room));
    if (bucket.length > room) dropped.set(severity, (dropped.get(severity) ?? 0) + bucket.length - room);
  }
  const findings = kept.sort((a, b) => a.seq - b.seq).map((k) => k.finding);
  const worst = [...SEVERITIES].reverse().find((s) => (dropped.get(s) ?? 0) > 0);
  if (worst === undefined) return findings;
  const count = [...dropped.values()].reduce((a, b) => a + b, 0);
  const message = `${count} more matches not listed (the scanner keeps ${MAX_SCAN_FINDINGS})`;
  return [...findings, { ruleId: 'SL-SCAN-LIMIT', severity: worst, path: '', line: 0, message }];
}
