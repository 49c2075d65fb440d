import { type Finding, isAtLeast, SEVERITIES, type Severity } from '../finding.ts';

/** Most findings listed in `details`; the rest are counted. */
export const MAX_SUMMARY_ENTRIES = 50;
const MAX_MESSAGE_CHARS = 200;

/** A gate's findings, shortened for a Slack card and its thread. */
export interface FindingsSummary {
  /** Findings at or above the blocking severity. */
  readonly blocking: number;
  /** One card line: "2 high, 1 low; blocks at high". */
  readonly line: string;
  /** Plain text, one finding a line, most severe first: "[high] SL-TLS-OFF src/a.ts:12 — message". */
  readonly details: string;
}

/**
 * Counts and lists findings for people. Plain text only: the Slack renderer escapes and truncates
 * it, since messages and paths come from the PR. Pure.
 */
export function summarizeFindings(findings: readonly Finding[], blockAt: Severity): FindingsSummary {
  const blocking = findings.filter((f) => isAtLeast(f.severity, blockAt)).length;
  const counts = [...SEVERITIES]
    .reverse()
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  const line = `${counts.length === 0 ? 'no findings' : counts.join(', ')}; blocks at ${blockAt}`;
  const ordered = [...findings].sort((a, b) => rank(b.severity) - rank(a.severity));
  const listed = ordered.slice(0, MAX_SUMMARY_ENTRIES).map(formatFinding);
  const rest = ordered.length - listed.length;
  if (rest > 0) listed.push(`…and ${rest} more`);
  return { blocking, line, details: listed.join('\n') };
}

function rank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

function formatFinding(f: Finding): string {
  const place = f.path === '' ? '(no file)' : f.line > 0 ? `${oneLine(f.path, 200)}:${f.line}` : oneLine(f.path, 200);
  return `[${f.severity}] ${oneLine(f.ruleId, 80)} ${place} — ${oneLine(f.message, MAX_MESSAGE_CHARS)}`;
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
