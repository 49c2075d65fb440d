import { describe, expect, it } from 'vitest';
import { MAX_JUNIT_FAILED, parseJunitXml } from '../../../src/adapters/gates/parse-junit-xml.ts';
import { fixture } from './fixture.ts';

describe('parseJunitXml on real-shaped reports', () => {
  it('reads Maven Surefire: one <testsuite> root, CDATA, flaky reruns not counted', () => {
    expect(parseJunitXml(fixture('junit/surefire.xml'))).toEqual({
      ok: true,
      tests: 6,
      failures: 1,
      errors: 1,
      skipped: 1,
      failed: [
        {
          suite: 'com.example.shop.CartServiceTest',
          name: 'appliesDiscount',
          message: 'expected:<90> but was:<100>',
        },
        { suite: 'com.example.shop.CartServiceTest', name: 'loadsPrices', message: 'Connection refused' },
      ],
    });
  });

  it('reads pytest: entities in attributes, &#10; folded into one line', () => {
    expect(parseJunitXml(fixture('junit/pytest.xml'))).toEqual({
      ok: true,
      tests: 5,
      failures: 1,
      errors: 1,
      skipped: 1,
      failed: [
        {
          suite: 'tests.test_pricing',
          name: 'test_discount[10-90]',
          message: 'assert 100 == 90 + where 100 = total(100, 10)',
        },
        {
          suite: 'tests.test_db',
          name: 'test_connect',
          message: 'failed on setup with "ConnectionRefusedError: [Errno 111] Connection refused"',
        },
      ],
    });
  });

  it('reads jest-junit: a failure without a message attribute uses its first body line', () => {
    expect(parseJunitXml(fixture('junit/jest-junit.xml'))).toEqual({
      ok: true,
      tests: 4,
      failures: 1,
      errors: 0,
      skipped: 1,
      failed: [
        {
          suite: 'Cart applies a discount',
          name: 'Cart applies a discount',
          message: 'Error: expect(received).toBe(expected) // Object.is equality',
        },
      ],
    });
  });

  it('reads vitest', () => {
    expect(parseJunitXml(fixture('junit/vitest.xml'))).toEqual({
      ok: true,
      tests: 4,
      failures: 1,
      errors: 0,
      skipped: 1,
      failed: [
        {
          suite: 'test/cart.test.ts',
          name: 'Cart > applies a discount',
          message: 'expected 100 to be 90 // Object.is equality',
        },
      ],
    });
  });
});

const suite = (body: string, attrs = ''): string => `<testsuite name="S"${attrs}>${body}</testsuite>`;

describe('parseJunitXml rules', () => {
  it.each([
    ['&lt;&gt;&amp;&quot;&apos;', `<>&"'`],
    ['&#65;&#x42;&#x1F600;', 'AB😀'],
    ['&#0;&#xD800;&#x110000;', '\uFFFD\uFFFD\uFFFD'],
    ['&unknown; &amp &', '&unknown; &amp &'],
  ])('decodes %j in a message as %j', (encoded, decoded) => {
    const parsed = parseJunitXml(suite(`<testcase name="t"><failure message="${encoded}"/></testcase>`));
    expect(parsed.ok && parsed.failed[0]?.message).toBe(decoded);
  });

  it('uses the suite name when a test case has no classname', () => {
    const parsed = parseJunitXml(suite('<testcase name="t"><error message="boom"/></testcase>'));
    expect(parsed.ok && parsed.failed).toEqual([{ suite: 'S', name: 't', message: 'boom' }]);
  });

  it('never reports fewer failures than the report declares', () => {
    const parsed = parseJunitXml(suite('<testcase name="t"/>', ' tests="9" failures="2" errors="1"'));
    expect(parsed).toMatchObject({ ok: true, tests: 9, failures: 2, errors: 1, failed: [] });
  });

  it('sums the child suites when the <testsuites> root has no totals', () => {
    const doc = `<testsuites>${suite('', ' tests="2" failures="1"')}${suite('', ' tests="3" failures="1"')}</testsuites>`;
    expect(parseJunitXml(doc)).toMatchObject({ ok: true, tests: 5, failures: 2 });
  });

  it('skips comments, processing instructions and ignores whitespace outside the root', () => {
    const doc = `<?xml version="1.0"?>\n<!-- a <testcase> in a comment --><?pi x?>\n${suite('<testcase name="a"/>')}\n`;
    expect(parseJunitXml(doc)).toMatchObject({ ok: true, tests: 1 });
  });

  it('caps the list of failures and keeps counting', () => {
    const cases = '<testcase name="t"><failure message="x"/></testcase>'.repeat(MAX_JUNIT_FAILED + 20);
    const parsed = parseJunitXml(suite(cases));
    expect(parsed).toMatchObject({ ok: true, failures: MAX_JUNIT_FAILED + 20 });
    expect(parsed.ok && parsed.failed).toHaveLength(MAX_JUNIT_FAILED);
  });

  it.each([
    [
      'billion laughs',
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><testsuite>&lol;</testsuite>',
      '<!DOCTYPE',
    ],
    ['an external entity', '<!DOCTYPE x SYSTEM "file:///etc/passwd"><testsuite/>', '<!DOCTYPE'],
    ['an empty document', '', 'no <testsuites>'],
    ['plain text', 'all tests passed', 'no <testsuites>'],
    ['a different root', '<html><body/></html>', 'root element is <html>'],
    ['a cut-short report', '<testsuite name="S"><testcase name="a">', 'ends inside <testcase>'],
    ['a mismatched end tag', '<testsuite><testcase></testsuite>', 'does not close'],
    ['two roots', '<testsuite/><testsuite/>', 'more than one root'],
    ['an unquoted attribute', '<testsuite tests=3/>', 'not quoted'],
    ['an unterminated comment', '<testsuite><!-- x', 'unterminated comment'],
    ['an unterminated CDATA', '<testsuite><![CDATA[ x', 'unterminated CDATA'],
    ['a bare <', '<testsuite>a < b</testsuite>', 'bad element name'],
    ['deep nesting', `<testsuite>${'<a>'.repeat(500)}`, 'nested deeper'],
  ])('refuses %s', (_, text, error) => {
    const parsed = parseJunitXml(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain(error);
  });

  it('refuses a report over the size limit', () => {
    expect(parseJunitXml(' '.repeat(20_000_001))).toEqual({ ok: false, error: expect.stringContaining('larger') });
  });
});
