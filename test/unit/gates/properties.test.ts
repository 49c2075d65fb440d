import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../../../src/adapters/gates/finding.ts';
import { MAX_JUNIT_FAILED, parseJunitXml } from '../../../src/adapters/gates/parse-junit-xml.ts';
import { MAX_SARIF_FINDINGS, parseSarif } from '../../../src/adapters/gates/parse-sarif.ts';
import { type AddedLine, parseUnifiedDiff } from '../../../src/adapters/gates/parse-unified-diff.ts';
import { MAX_SCAN_FINDINGS, scanDiff } from '../../../src/adapters/gates/scanner/scan-diff.ts';

const hostile = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 300 }));

/** Strings built from the format's own punctuation, which reach deeper than random text. */
function tokens(parts: readonly string[]): fc.Arbitrary<string> {
  return fc.array(fc.oneof(fc.constantFrom(...parts), hostile), { maxLength: 40 }).map((a) => a.join(''));
}

describe('parseSarif properties', () => {
  const result = fc.record(
    {
      ruleId: fc.oneof(fc.string(), fc.anything()),
      level: fc.oneof(fc.constantFrom('error', 'warning', 'note', 'none'), fc.anything()),
      message: fc.oneof(fc.record({ text: fc.string() }), fc.anything()),
      locations: fc.array(
        fc.record({
          physicalLocation: fc.record({
            artifactLocation: fc.record({ uri: tokens(['file://', '/', '..', '%2e', '\\', 'C:', 'src', '%']) }),
            region: fc.record({ startLine: fc.oneof(fc.integer(), fc.double(), fc.anything()) }),
          }),
        }),
        { maxLength: 2 },
      ),
      properties: fc.dictionary(fc.constantFrom('security-severity', 'x'), fc.anything()),
    },
    { requiredKeys: [] },
  );
  const sarif = fc
    .array(fc.oneof(result, fc.anything()), { maxLength: 20 })
    .map((results) => JSON.stringify({ version: '2.1.0', runs: [{ results }] }));

  it('never throws and only returns well-formed, placed-safely findings', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.json(), sarif), (text) => {
        const parsed = parseSarif(text, { roots: ['/work'] });
        if (!parsed.ok) {
          expect(parsed.error).toEqual(expect.any(String));
          return;
        }
        expect(parsed.findings.length).toBeLessThanOrEqual(MAX_SARIF_FINDINGS);
        for (const f of parsed.findings) {
          expect(SEVERITIES).toContain(f.severity);
          expect(Number.isSafeInteger(f.line) && f.line >= 0).toBe(true);
          expect(f.message.length).toBeLessThanOrEqual(1_000);
          expect(f.path.startsWith('/')).toBe(false);
          expect(f.path.split('/')).not.toContain('..');
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseJunitXml properties', () => {
  const xmlish = tokens([
    '<testsuite>',
    '</testsuite>',
    '<testsuites tests="3">',
    '</testsuites>',
    '<testcase name="a" classname="b">',
    '<testcase name="x"/>',
    '</testcase>',
    '<failure message="m">',
    '</failure>',
    '<error/>',
    '<skipped/>',
    '<![CDATA[',
    ']]>',
    '<!--',
    '-->',
    '<?xml ?>',
    '<!DOCTYPE',
    '&amp;',
    '&#x',
    '&#',
    ';',
    '"',
    "'",
    '=',
  ]);

  it('never throws, and a success is internally consistent', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, xmlish), (text) => {
        const parsed = parseJunitXml(text);
        if (!parsed.ok) {
          expect(parsed.error.length).toBeGreaterThan(0);
          return;
        }
        expect(parsed.failed.length).toBeLessThanOrEqual(Math.min(MAX_JUNIT_FAILED, parsed.failures + parsed.errors));
        expect(parsed.tests).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 1_000 },
    );
  });
});

type Op = 'context' | 'add' | 'remove';
const hunk = fc.record({
  gap: fc.integer({ min: 0, max: 50 }),
  ops: fc.array(fc.constantFrom<Op>('context', 'add', 'remove'), { minLength: 1, maxLength: 20 }),
  texts: fc.array(tokens(['+', '-', ' ', '+++ b/x', '--- a/x', '@@ -1 +1 @@', 'diff --git a/x b/x', '\\']), {
    minLength: 20,
    maxLength: 20,
  }),
});

/** A well-formed diff of one file and the added lines a correct parser must report. */
function buildDiff(hunks: readonly { gap: number; ops: Op[]; texts: string[] }[]): {
  text: string;
  expected: AddedLine[];
} {
  const lines = ['diff --git a/f b/f', '--- a/f', '+++ b/f'];
  const expected: AddedLine[] = [];
  let oldNext = 1;
  let newNext = 1;
  for (const h of hunks) {
    oldNext += h.gap;
    newNext += h.gap;
    const oldCount = h.ops.filter((o) => o !== 'add').length;
    const newCount = h.ops.filter((o) => o !== 'remove').length;
    lines.push(`@@ -${oldNext},${oldCount} +${newNext},${newCount} @@ ctx`);
    h.ops.forEach((op, i) => {
      const text = (h.texts[i] ?? '').replace(/[\r\n]/g, ' ');
      if (op === 'add') expected.push({ line: newNext, text });
      lines.push(`${op === 'add' ? '+' : op === 'remove' ? '-' : ' '}${text}`);
      if (op !== 'add') oldNext += 1;
      if (op !== 'remove') newNext += 1;
    });
  }
  return { text: lines.join('\n'), expected };
}

describe('parseUnifiedDiff properties', () => {
  it('never throws on hostile text', () => {
    const diffish = tokens([
      'diff --git a/x b/x\n',
      '--- a/x\n',
      '+++ b/x\n',
      '+++ "b/\\303\\n',
      '@@ -1,2 +1,3 @@\n',
      '\n',
      '+',
      '-',
      ' ',
    ]);
    fc.assert(
      fc.property(fc.oneof(hostile, diffish), (text) => {
        for (const file of parseUnifiedDiff(text)) expect(typeof file.path).toBe('string');
      }),
      { numRuns: 1_000 },
    );
  });

  it('numbers every added line as its hunk header says, whatever the content', () => {
    fc.assert(
      fc.property(fc.array(hunk, { minLength: 1, maxLength: 5 }), (hunks) => {
        const { text, expected } = buildDiff(hunks);
        expect(parseUnifiedDiff(text)).toEqual([{ path: 'f', added: expected }]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('scanDiff properties', () => {
  it('never throws, stays capped and places findings on added lines', () => {
    const file = fc.record({
      path: fc.oneof(fc.constantFrom('a.py', 'b.ts', '.env', 'c.yml', 'README.md'), fc.string()),
      added: fc.array(
        fc.record({
          line: fc.nat(),
          text: fc.oneof(
            hostile,
            tokens(['eval(', '"SELECT a FROM t " + ', 'password="', 'AKIA', 'chmod 777 ', '`', '${']),
          ),
        }),
        {
          maxLength: 10,
        },
      ),
    });
    fc.assert(
      fc.property(fc.array(file, { maxLength: 5 }), (files) => {
        const findings = scanDiff(files);
        expect(findings.length).toBeLessThanOrEqual(MAX_SCAN_FINDINGS + 1);
        const places = new Set(files.flatMap((f) => f.added.map((a) => `${f.path}\u0000${a.line}`)));
        for (const f of findings) expect(places.has(`${f.path}\u0000${f.line}`)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
