import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from '../../../src/adapters/gates/parse-unified-diff.ts';
import { MAX_SCAN_FINDINGS, scanDiff } from '../../../src/adapters/gates/scanner/scan-diff.ts';
import type { ScanRule } from '../../../src/adapters/gates/scanner/scan-rule.ts';
import { fixture } from './fixture.ts';

describe('scanDiff', () => {
  it('names file and new-file line for each finding on added lines of the sample diff', () => {
    const findings = scanDiff(parseUnifiedDiff(fixture('diff/sample.diff')));
    expect(findings.map((f) => `${f.ruleId} ${f.path}:${f.line} ${f.severity}`)).toEqual([
      'SL-TLS-OFF src/server.js:5 high',
      'SL-SQL-INJECTION src/server.js:23 high',
      'SL-PERM-WORLD scripts/setup.sh:2 medium',
      'SL-TLS-OFF scripts/setup.sh:3 high',
    ]);
  });

  it('ignores removed and context lines', () => {
    const diff = ['--- a/f.py', '+++ b/f.py', '@@ -1,2 +1,2 @@', ' os.system(cmd)', '-eval(x)', '+print(x)'].join('\n');
    expect(scanDiff(parseUnifiedDiff(diff))).toEqual([]);
  });

  it('finds a match far into a very long (minified) line', () => {
    const text = `${'a=1;'.repeat(25_000)}el.innerHTML = userInput;${'b=2;'.repeat(1_000)}`;
    const findings = scanDiff([{ path: 'dist/app.min.js', added: [{ line: 1, text }] }]);
    expect(findings.map((f) => f.ruleId)).toEqual(['SL-XSS-HTML']);
  });

  it('keeps the most severe findings when there are too many, and says how many were dropped', () => {
    const low: ScanRule = { id: 'LOW', severity: 'low', title: 'l', description: '', test: () => 'low' };
    const crit: ScanRule = {
      id: 'CRIT',
      severity: 'critical',
      title: 'c',
      description: '',
      test: (t) => (t === 'last' ? 'crit' : null),
    };
    const added = [
      ...Array.from({ length: MAX_SCAN_FINDINGS + 10 }, (_, i) => ({ line: i + 1, text: 'x' })),
      { line: 9999, text: 'last' },
    ];
    const findings = scanDiff([{ path: 'a', added }], [low, crit]);
    expect(findings).toHaveLength(MAX_SCAN_FINDINGS + 1);
    expect(findings.filter((f) => f.ruleId === 'CRIT')).toHaveLength(1);
    expect(findings.at(-1)).toMatchObject({
      ruleId: 'SL-SCAN-LIMIT',
      severity: 'low',
      message: expect.stringContaining('12 more'),
    });
  });

  it('returns nothing for no files', () => {
    expect(scanDiff([])).toEqual([]);
  });
});
