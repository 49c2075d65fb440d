import { describe, expect, it } from 'vitest';
import { escapePromQlString, fillQueryTemplate } from '../../../../src/adapters/metrics/fill-query-template.ts';
import { DEFAULT_CANARY_METRICS } from '../../../../src/config/default-canary-metrics.ts';

const values = { track: 'canary', service: 'api' };

describe('fillQueryTemplate', () => {
  it('fills track and service inside label values', () => {
    expect(fillQueryTemplate('sum(rate(x{service="{{service}}",track="{{ track }}"}[1m]))', values)).toEqual({
      ok: true,
      query: 'sum(rate(x{service="api",track="canary"}[1m]))',
    });
  });

  it('fills every default metric for both tracks', () => {
    for (const { query } of DEFAULT_CANARY_METRICS) {
      for (const track of ['baseline', 'canary']) {
        const filled = fillQueryTemplate(query, { track, service: 'api' });
        expect(filled).toEqual({
          ok: true,
          query: query.replaceAll('{{track}}', track).replaceAll('{{service}}', 'api'),
        });
      }
    }
  });

  it.each([
    ['a quote and a selector escape', 'a"} or vector(1) #', 'x{service="a\\"} or vector(1) #"}'],
    ['a backslash', 'a\\', 'x{service="a\\\\"}'],
    ['a line break', 'a\nb\r', 'x{service="a\\nb\\r"}'],
  ])('escapes %s so the value stays one label value', (_, service, query) => {
    expect(fillQueryTemplate('x{service="{{service}}"}', { ...values, service })).toEqual({ ok: true, query });
  });

  it('regex-escapes values used with =~ and !~, so they match themselves only', () => {
    expect(fillQueryTemplate('x{service=~"{{service}}",b!~ "{{track}}"}', { track: 'c.*', service: 'a.b|c' })).toEqual({
      ok: true,
      query: 'x{service=~"a\\\\.b\\\\|c",b!~ "c\\\\.\\\\*"}',
    });
  });

  it.each([
    ['outside any string', 'x{track={{track}}}', '{{track}} must be inside a double-quoted label value'],
    ['inside a single-quoted string', "x{track='{{track}}'}", '{{track}} must be inside a double-quoted label value'],
    ['inside a raw string', 'x{track=`{{track}}`}', '{{track}} must be inside a double-quoted label value'],
    ['after an escaped quote', 'x{a="\\"{{track}}"}', null],
    ['an unknown placeholder', 'x{a="{{window}}"}', 'unknown placeholder {{window}}'],
    ['an unterminated string', 'x{a="{{track}}}', 'unterminated string in the query template'],
  ])('refuses a placeholder %s', (_, template, detail) => {
    const filled = fillQueryTemplate(template, values);
    if (detail === null) expect(filled).toEqual({ ok: true, query: 'x{a="\\"canary"}' });
    else expect(filled).toEqual({ ok: false, detail });
  });

  it('leaves a template without placeholders alone', () => {
    expect(fillQueryTemplate('sum(up{job="a{{b"})', values)).toEqual({ ok: true, query: 'sum(up{job="a{{b"})' });
  });
});

describe('escapePromQlString', () => {
  it('escapes backslash, double quote and line breaks only', () => {
    expect(escapePromQlString('a\\b"c\nd\re\tf\'g')).toBe('a\\\\b\\"c\\nd\\re\tf\'g');
  });
});
