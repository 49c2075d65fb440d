import { parseXmlTokens } from './parse-xml-tokens.ts';

/** Largest report read; a bigger one is refused rather than half-read. */
export const MAX_JUNIT_CHARS = 20_000_000;
/** Most failed tests listed; the counts keep going. */
export const MAX_JUNIT_FAILED = 100;
/** Deepest element nesting accepted. */
const MAX_DEPTH = 128;
const MAX_NAME_CHARS = 300;
const MAX_MESSAGE_CHARS = 500;

/** One failed (or errored) test case. */
export interface JunitFailure {
  readonly suite: string;
  readonly name: string;
  readonly message: string;
}

/** What a JUnit XML report said, or why it could not be read. */
export type JunitResult =
  | {
      readonly ok: true;
      readonly tests: number;
      readonly failures: number;
      readonly errors: number;
      readonly skipped: number;
      /** At most {@link MAX_JUNIT_FAILED} entries, failures and errors in document order. */
      readonly failed: JunitFailure[];
    }
  | { readonly ok: false; readonly error: string };

type Outcome = 'passed' | 'failure' | 'error' | 'skipped';
interface Case {
  suite: string;
  name: string;
  outcome: Outcome;
  message: string;
  /** Depth of the <failure>/<error> element whose body is the fallback message, or -1. */
  bodyDepth: number;
  body: string;
}
interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

interface Walk {
  readonly counted: Counts;
  /** Totals written on the root element, and summed over its child suites. */
  readonly rootTotals: Counts;
  readonly childTotals: Counts;
  readonly failed: JunitFailure[];
  readonly stack: string[];
  readonly suites: string[];
  root: string | undefined;
  current: Case | undefined;
}

/**
 * Reads a JUnit XML report as Maven Surefire, pytest, jest-junit and vitest write it: one
 * `<testsuites>` or `<testsuite>` root, `<testcase>` elements with `<failure>`, `<error>` or
 * `<skipped>`. Counts come from the test cases; when the report's own totals claim more, the larger
 * number wins so a report can never under-state its failures. A report that is cut short, not
 * well formed, or declares a DTD is an error value. Never throws.
 */
export function parseJunitXml(text: string): JunitResult {
  if (text.length > MAX_JUNIT_CHARS) return { ok: false, error: `report larger than ${MAX_JUNIT_CHARS} characters` };
  const w: Walk = {
    counted: zero(),
    rootTotals: zero(),
    childTotals: zero(),
    failed: [],
    stack: [],
    suites: [],
    root: undefined,
    current: undefined,
  };
  for (const token of parseXmlTokens(text)) {
    const error =
      token.kind === 'error'
        ? token.error
        : token.kind === 'text'
          ? onText(w, token.text)
          : token.kind === 'close'
            ? onClose(w, token.name)
            : onOpen(w, token.name, token.attrs, token.selfClosing);
    if (error !== undefined) return { ok: false, error };
  }
  if (w.root === undefined) return { ok: false, error: 'no <testsuites> or <testsuite> element' };
  if (w.stack.length > 0) return { ok: false, error: `report ends inside <${w.stack.at(-1)}> (cut short?)` };
  const declared = hasTotals(w.rootTotals) ? w.rootTotals : w.childTotals;
  return {
    ok: true,
    tests: Math.max(w.counted.tests, declared.tests),
    failures: Math.max(w.counted.failures, declared.failures),
    errors: Math.max(w.counted.errors, declared.errors),
    skipped: Math.max(w.counted.skipped, declared.skipped),
    failed: w.failed,
  };
}

function onText(w: Walk, text: string): undefined {
  const c = w.current;
  if (c !== undefined && c.bodyDepth !== -1) c.body = (c.body + text).slice(0, 4_000);
  return undefined;
}

function onClose(w: Walk, name: string): string | undefined {
  if (w.stack.pop() !== name) return `</${name}> does not close the open element`;
  leave(w, name, w.stack.length);
  return undefined;
}

/** After an element at `depth` (its parent's stack height) ends, by end tag or `/>`. */
function leave(w: Walk, name: string, depth: number): void {
  if (name === 'testsuite') w.suites.pop();
  if (w.current !== undefined && depth < w.current.bodyDepth) w.current.bodyDepth = -1;
  if (name === 'testcase' && w.current !== undefined) w.current = finish(w.current, w.counted, w.failed);
}

function onOpen(w: Walk, name: string, attrs: ReadonlyMap<string, string>, selfClosing: boolean): string | undefined {
  const depth = w.stack.length;
  if (depth === 0) {
    if (w.root !== undefined) return 'more than one root element';
    if (name !== 'testsuites' && name !== 'testsuite')
      return `root element is <${name}>, expected <testsuites> or <testsuite>`;
    w.root = name;
    addTotals(w.rootTotals, attrs);
  } else if (depth === 1 && w.root === 'testsuites' && name === 'testsuite') addTotals(w.childTotals, attrs);
  if (name === 'testsuite') w.suites.push(attr(attrs, 'name'));
  if (name === 'testcase') w.current = startCase(attrs, w.suites);
  else if (w.current !== undefined) markOutcome(w.current, name, attrs, depth + 1);
  if (selfClosing) leave(w, name, depth);
  else if (depth >= MAX_DEPTH) return `elements nested deeper than ${MAX_DEPTH}`;
  else w.stack.push(name);
  return undefined;
}

function zero(): Counts {
  return { tests: 0, failures: 0, errors: 0, skipped: 0 };
}

function startCase(attrs: ReadonlyMap<string, string>, suites: readonly string[]): Case {
  // jest-junit and pytest put the describe block or module in classname; Surefire the class.
  const suite = attr(attrs, 'classname') || (suites.at(-1) ?? '');
  return { suite, name: attr(attrs, 'name'), outcome: 'passed', message: '', bodyDepth: -1, body: '' };
}

/** The first of failure, error or skipped decides the outcome (Surefire's flaky reruns do not count). */
function markOutcome(c: Case, element: string, attrs: ReadonlyMap<string, string>, depth: number): void {
  if (c.outcome !== 'passed') return;
  if (element === 'skipped') c.outcome = 'skipped';
  if (element !== 'failure' && element !== 'error') return;
  c.outcome = element;
  c.message = attr(attrs, 'message') || attr(attrs, 'type');
  c.bodyDepth = depth;
}

function finish(c: Case, counted: Counts, failed: JunitFailure[]): undefined {
  counted.tests += 1;
  if (c.outcome === 'skipped') counted.skipped += 1;
  if (c.outcome === 'failure') counted.failures += 1;
  if (c.outcome === 'error') counted.errors += 1;
  if ((c.outcome === 'failure' || c.outcome === 'error') && failed.length < MAX_JUNIT_FAILED) {
    const message = flatten(c.message) || flatten(firstLine(c.body));
    failed.push({
      suite: cap(flatten(c.suite), MAX_NAME_CHARS),
      name: cap(flatten(c.name), MAX_NAME_CHARS),
      message: cap(message, MAX_MESSAGE_CHARS),
    });
  }
  return undefined;
}

function hasTotals(c: Counts): boolean {
  return c.tests + c.failures + c.errors + c.skipped > 0;
}

/** Adds a suite element's own totals (`skipped` in most tools, `disabled` in some). */
function addTotals(into: Counts, attrs: ReadonlyMap<string, string>): void {
  into.tests += count(attrs.get('tests'));
  into.failures += count(attrs.get('failures'));
  into.errors += count(attrs.get('errors'));
  into.skipped += count(attrs.get('skipped') ?? attrs.get('disabled'));
}

function count(value: string | undefined): number {
  if (value === undefined || !/^\s*\d{1,9}\s*$/.test(value)) return 0;
  return Number.parseInt(value, 10);
}

function attr(attrs: ReadonlyMap<string, string>, name: string): string {
  return (attrs.get(name) ?? '').slice(0, MAX_MESSAGE_CHARS * 2);
}

function firstLine(text: string): string {
  return text.trim().split('\n', 1)[0] ?? '';
}

function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function cap(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
