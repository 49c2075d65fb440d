import { describe, expect, it } from 'vitest';
import { MAX_SARIF_FINDINGS, parseSarif } from '../../../src/adapters/gates/parse-sarif.ts';
import { fixture } from './fixture.ts';

const ROOT = '/home/runner/work/shop/shop';

function log(results: unknown[], rules: unknown[] = []): string {
  return JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 't', rules } }, results }] });
}
function result(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ruleId: 'r1',
    message: { text: 'm' },
    locations: [{ physicalLocation: { artifactLocation: { uri: 'src/a.ts' }, region: { startLine: 3 } } }],
    ...extra,
  };
}

describe('parseSarif on real-shaped logs', () => {
  it('reads ESLint output with absolute file URIs, skipping the in-source suppression', () => {
    const parsed = parseSarif(fixture('sarif/eslint.sarif'), { roots: [ROOT] });
    expect(parsed).toEqual({
      ok: true,
      truncated: false,
      skipped: 0,
      findings: [
        { ruleId: 'no-eval', severity: 'high', path: 'src/server.js', line: 42, message: 'eval can be harmful.' },
        {
          ruleId: 'no-unused-vars',
          severity: 'medium',
          path: 'src/util fns/format.js',
          line: 7,
          message: "'total' is assigned a value but never used.",
        },
      ],
    });
  });

  it('reads Semgrep output, taking the level from the rule when the result has none', () => {
    const parsed = parseSarif(fixture('sarif/semgrep.sarif'));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.findings.map((f) => [f.severity, f.path, f.line])).toEqual([
      ['low', 'app/index.js', 3],
      ['high', 'tools/deploy.py', 19],
    ]);
  });

  it('reads CodeQL output: security-severity, rule references, arguments, originalUriBaseIds, baseline', () => {
    const parsed = parseSarif(fixture('sarif/codeql.sarif'));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.findings).toEqual([
      {
        ruleId: 'js/sql-injection',
        severity: 'high',
        path: 'src/routes/orders.js',
        line: 23,
        message: 'This query string depends on a [user-provided value](1).',
      },
      {
        ruleId: 'js/hardcoded-credentials',
        severity: 'critical',
        path: 'src/db.js',
        line: 5,
        message: 'The hard-coded value "hunter2" is used as password.',
      },
      {
        ruleId: 'js/unused-local-variable',
        severity: 'low',
        path: 'src/util.js',
        line: 12,
        message: 'Unused variable tmp.',
      },
    ]);
  });
});

describe('parseSarif severities', () => {
  it.each([
    ['error', 'high'],
    ['warning', 'medium'],
    ['note', 'low'],
    ['none', 'low'],
    [undefined, 'medium'],
  ])('level %s is %s', (level, severity) => {
    const parsed = parseSarif(log([result(level === undefined ? {} : { level })]));
    expect(parsed.ok && parsed.findings[0]?.severity).toBe(severity);
  });

  it.each([
    [9.0, 'critical'],
    ['9.8', 'critical'],
    [7, 'high'],
    [6.9, 'medium'],
    [4, 'medium'],
    [3.9, 'low'],
    [0, 'low'],
  ])('security-severity %s is %s, whatever the level', (score, severity) => {
    const parsed = parseSarif(log([result({ level: 'note', properties: { 'security-severity': score } })]));
    expect(parsed.ok && parsed.findings[0]?.severity).toBe(severity);
  });

  it.each([['high'], [NaN], [11], [-1], [null]])('ignores a security-severity of %s', (score) => {
    const parsed = parseSarif(log([result({ level: 'error', properties: { 'security-severity': score } })]));
    expect(parsed.ok && parsed.findings[0]?.severity).toBe('high');
  });
});

describe('parseSarif paths', () => {
  it.each([
    ['src/a.ts', 'src/a.ts'],
    ['./src/./a.ts', 'src/a.ts'],
    ['src\\win\\a.ts', 'src/win/a.ts'],
    ['src/x/../a.ts', 'src/a.ts'],
    ['../../etc/passwd', ''],
    ['src/../../etc/passwd', ''],
    ['file:///etc/passwd', ''],
    [`file://${ROOT}/src/a.ts`, 'src/a.ts'],
    [`file://localhost${ROOT}/src/a%20b.ts`, 'src/a b.ts'],
    [`file://${ROOT}/src/%2e%2e/%2e%2e/%2e%2e/x`, ''],
    ['file:///C:/work/repo/src/a.ts', ''],
    ['https://evil.example/a.ts', ''],
    ['src/a\u0000.ts', ''],
    ['file:///bad%E0%A4%A', ''],
  ])('%j becomes %j', (uri, path) => {
    const parsed = parseSarif(log([result({ locations: [{ physicalLocation: { artifactLocation: { uri } } }] })]), {
      roots: [ROOT],
    });
    expect(parsed.ok && parsed.findings[0]?.path).toBe(path);
  });
});

describe('parseSarif on bad input', () => {
  it.each([
    ['', 'not valid JSON'],
    ['{', 'not valid JSON'],
    ['null', 'not a SARIF 2.1.0 log'],
    ['{"version":"2.0.0","runs":[]}', 'not a SARIF 2.1.0 log'],
    ['{"version":"2.1.0"}', 'not a SARIF 2.1.0 log'],
  ])('%j is an error value', (text, error) => {
    const parsed = parseSarif(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain(error);
  });

  it('keeps going past bad results and counts them', () => {
    const parsed = parseSarif(log([42, result({ message: 'no' }), result(), result({ level: 'fatal' })]));
    expect(parsed).toMatchObject({ ok: true, skipped: 3, findings: [{ ruleId: 'r1', line: 3 }] });
  });

  it('ignores passing and not-applicable results and keeps review ones', () => {
    const parsed = parseSarif(
      log([result({ kind: 'pass' }), result({ kind: 'notApplicable' }), result({ kind: 'review' })]),
    );
    expect(parsed.ok && parsed.findings).toHaveLength(1);
  });

  it('places a result without location or with a bad line at 0', () => {
    const parsed = parseSarif(
      log([
        result({ locations: undefined }),
        result({ locations: [{ physicalLocation: { region: { startLine: -4 } } }] }),
      ]),
    );
    expect(parsed.ok && parsed.findings.map((f) => [f.path, f.line])).toEqual([
      ['', 0],
      ['', 0],
    ]);
  });

  it('caps the findings and says so', () => {
    const parsed = parseSarif(log(Array.from({ length: MAX_SARIF_FINDINGS + 5 }, () => result())));
    expect(parsed).toMatchObject({ ok: true, truncated: true });
    expect(parsed.ok && parsed.findings).toHaveLength(MAX_SARIF_FINDINGS);
  });

  it('shortens a huge message and keeps it on one line', () => {
    const parsed = parseSarif(log([result({ message: { text: `a\n${'b'.repeat(50_000)}` } })]));
    const message = parsed.ok ? (parsed.findings[0]?.message ?? '') : '';
    expect(message.length).toBeLessThanOrEqual(1_000);
    expect(message).toMatch(/^a b+…$/);
  });

  it('survives deeply nested JSON without throwing', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(() => parseSarif(deep)).not.toThrow();
    const nested = log([result({ properties: { x: JSON.parse(`${'['.repeat(2_000)}${']'.repeat(2_000)}`) } })]);
    expect(parseSarif(nested).ok).toBe(true);
  });
});
