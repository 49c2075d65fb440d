import type { JunitResult } from './parse-junit-xml.ts';

/** Most failed tests listed in `details`; the rest are counted. */
export const MAX_JUNIT_SUMMARY_ENTRIES = 50;

/** A test report, shortened for a Slack card and its thread. */
export interface JunitSummary {
  /** One card line: "312 tests, 2 failed: Cart › adds an item …". */
  readonly line: string;
  /** Plain text, one failed test a line: "Cart › adds an item — expected 2, got 3". */
  readonly details: string;
}

/**
 * Describes a parsed JUnit report for people. Plain text only: the Slack renderer escapes and
 * truncates it, since names and messages come from the PR's own tests. Pure.
 */
export function summarizeJunit(result: JunitResult): JunitSummary {
  if (!result.ok) return { line: `test report unreadable: ${oneLine(result.error, 200)}`, details: '' };
  const failedCount = result.failures + result.errors;
  const tests = `${result.tests} test${result.tests === 1 ? '' : 's'}`;
  const skipped = result.skipped > 0 ? `, ${result.skipped} skipped` : '';
  if (failedCount === 0) return { line: `${tests} passed${skipped}`, details: '' };
  const first = result.failed[0];
  const name = first === undefined ? '' : `: ${oneLine(title(first), 120)}${failedCount > 1 ? ' …' : ''}`;
  const line = `${tests}, ${failedCount} failed${skipped}${name}`;
  const listed = result.failed.slice(0, MAX_JUNIT_SUMMARY_ENTRIES).map((f) => {
    const message = oneLine(f.message, 200);
    return message === '' ? oneLine(title(f), 200) : `${oneLine(title(f), 200)} — ${message}`;
  });
  const rest = failedCount - listed.length;
  if (rest > 0) listed.push(`…and ${rest} more`);
  return { line, details: listed.join('\n') };
}

function title(f: { readonly suite: string; readonly name: string }): string {
  return f.suite === '' ? f.name : `${f.suite} › ${f.name}`;
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
