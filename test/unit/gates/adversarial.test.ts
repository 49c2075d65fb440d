import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { parseJunitXml } from '../../../src/adapters/gates/parse-junit-xml.ts';
import { parseSarif } from '../../../src/adapters/gates/parse-sarif.ts';
import { parseUnifiedDiff } from '../../../src/adapters/gates/parse-unified-diff.ts';
import { RULES } from '../../../src/adapters/gates/scanner/rules.ts';
import { scanDiff } from '../../../src/adapters/gates/scanner/scan-diff.ts';

/**
 * Catastrophic backtracking shows up as time, so these tests time the parsers and every rule on
 * long strings made of the fragments each pattern starts with. The limits are loose (CI machines
 * are slow); a quadratic or exponential regex misses them by orders of magnitude.
 */
function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}
const fill = (seed: string, length: number): string => seed.repeat(Math.ceil(length / seed.length)).slice(0, length);

const SEEDS = [
  'a',
  ' ',
  '\\',
  '"',
  "'",
  '`',
  '${',
  '{{',
  '"SELECT ',
  '"SELECT a FROM ',
  "'UPDATE t SET ",
  '`SELECT FROM ${',
  'f"SELECT FROM {',
  'Sprintf("SELECT FROM %s',
  'curl ',
  'curl -',
  'password=',
  'password = "',
  'xpassword',
  'aaaaaaaaaapassword"',
  'sk-',
  'sk-proj-',
  'AKIA',
  'ghp_',
  'xoxb-',
  'AIza',
  '-----BEGIN ',
  '-----BEGIN A B ',
  'eval(',
  'eval("',
  'exec(`${',
  'new Function(',
  'chmod ',
  'chmod -R ',
  'mode 0o777 ',
  'umask ',
  'Access-Control-Allow-Origin ',
  'origin: ',
  'spawn(',
  'spawn(x, ',
  'jwt.decode(',
  'algorithms: [',
  '.innerHTML = ',
  'dangerouslySetInnerHTML={{__html:',
  'md5 password ',
  'Math.random() token ',
];

describe('no regex backtracking blow-up', () => {
  it.each(SEEDS)('every rule handles a 2,000-character window of %j quickly', (seed) => {
    const text = fill(seed, 2_000);
    for (const rule of RULES) {
      for (const path of ['a.ts', 'a.py', '.env'])
        expect(
          timed(() => rule.test(text, path)),
          rule.id,
        ).toBeLessThan(100);
    }
  });

  it.each(SEEDS)('scanDiff handles a 200,000-character line of %j', (seed) => {
    const files = [{ path: 'x.py', added: [{ line: 1, text: fill(seed, 200_000) }] }];
    expect(timed(() => scanDiff(files))).toBeLessThan(3_000);
  });

  it.each([
    '<a ',
    '<a b="',
    '<a b="c" ',
    '<!--',
    '<![CDATA[',
    '&#',
    '&#x1',
    '&amp',
    '<?',
    '<testsuite>',
    '<testcase name="a">',
  ])('parseJunitXml handles 5 MB of %j', (seed) => {
    const text = `<testsuite>${fill(seed, 5_000_000)}`;
    expect(timed(() => parseJunitXml(text))).toBeLessThan(3_000);
  });

  it.each(['@@ -1 +1 @@\n', '+', 'diff --git "a/\\303', '+++ "b/\\\\\\', '@@ -1,100000000 +1,100000000 @@\n', '\n'])(
    'parseUnifiedDiff handles 5 MB of %j',
    (seed) => {
      const text = `--- a/f\n+++ b/f\n${fill(seed, 5_000_000)}`;
      expect(timed(() => parseUnifiedDiff(text))).toBeLessThan(3_000);
    },
  );

  it('parseSarif handles long URIs and messages', () => {
    const uri = fill('../%2e%2e/', 100_000);
    const message = fill('{0}', 100_000);
    const text = JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          results: [
            {
              message: { text: message, arguments: ['x'] },
              locations: [{ physicalLocation: { artifactLocation: { uri } } }],
            },
          ],
        },
      ],
    });
    expect(timed(() => parseSarif(text))).toBeLessThan(1_000);
  });
});
