import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/adapters/gates/finding.ts';
import type { JunitResult } from '../../../src/adapters/gates/parse-junit-xml.ts';
import { summarizeFindings } from '../../../src/adapters/gates/scanner/summarize-findings.ts';
import { summarizeJunit } from '../../../src/adapters/gates/summarize-junit.ts';

const f = (severity: Finding['severity'], extra: Partial<Finding> = {}): Finding => ({
  ruleId: 'SL-TLS-OFF',
  severity,
  path: 'src/a.ts',
  line: 12,
  message: 'TLS certificate verification disabled',
  ...extra,
});

describe('summarizeFindings', () => {
  it('counts by severity, most severe first, and lists the worst first', () => {
    const summary = summarizeFindings([f('low', { path: '', line: 0 }), f('high'), f('high', { line: 0 })], 'high');
    expect(summary).toEqual({
      blocking: 2,
      line: '2 high, 1 low; blocks at high',
      details: [
        '[high] SL-TLS-OFF src/a.ts:12 — TLS certificate verification disabled',
        '[high] SL-TLS-OFF src/a.ts — TLS certificate verification disabled',
        '[low] SL-TLS-OFF (no file) — TLS certificate verification disabled',
      ].join('\n'),
    });
  });

  it.each([
    ['critical', 1],
    ['high', 2],
    ['medium', 3],
    ['low', 4],
  ] as const)('blocks at %s counts %i', (blockAt, blocking) => {
    const all = [f('critical'), f('high'), f('medium'), f('low')];
    expect(summarizeFindings(all, blockAt).blocking).toBe(blocking);
  });

  it('says so when there is nothing', () => {
    expect(summarizeFindings([], 'medium')).toEqual({
      blocking: 0,
      line: 'no findings; blocks at medium',
      details: '',
    });
  });

  it('caps the list and keeps each entry on one short line', () => {
    const many = Array.from({ length: 60 }, () => f('medium', { message: `multi\nline ${'x'.repeat(500)}` }));
    const lines = summarizeFindings(many, 'high').details.split('\n');
    expect(lines).toHaveLength(51);
    expect(lines.at(-1)).toBe('…and 10 more');
    for (const line of lines) expect(line.length).toBeLessThan(320);
  });
});

describe('summarizeJunit', () => {
  const failed = [
    { suite: 'Cart', name: 'adds an item', message: 'expected 2, got 3' },
    { suite: '', name: 'boots', message: '' },
  ];

  it('names the first failure on the card line and lists them all in details', () => {
    const summary = summarizeJunit({ ok: true, tests: 312, failures: 1, errors: 1, skipped: 3, failed });
    expect(summary).toEqual({
      line: '312 tests, 2 failed, 3 skipped: Cart › adds an item …',
      details: 'Cart › adds an item — expected 2, got 3\nboots',
    });
  });

  it('counts failures the list could not hold', () => {
    const summary = summarizeJunit({ ok: true, tests: 500, failures: 200, errors: 0, skipped: 0, failed });
    expect(summary.details.split('\n').at(-1)).toBe('…and 198 more');
  });

  const ok = (tests: number, skipped: number): JunitResult => ({
    ok: true,
    tests,
    failures: 0,
    errors: 0,
    skipped,
    failed: [],
  });
  it.each<[JunitResult, string]>([
    [ok(1, 0), '1 test passed'],
    [ok(0, 0), '0 tests passed'],
    [ok(5, 2), '5 tests passed, 2 skipped'],
    [{ ok: false, error: 'no <testsuite>' }, 'test report unreadable: no <testsuite>'],
  ])('%j reads %j', (result, line) => {
    expect(summarizeJunit(result).line).toBe(line);
  });
});
