import { describe, expect, it } from 'vitest';
import { parseSampleValue } from '../../../../src/adapters/metrics/parse-sample-value.ts';

describe('parseSampleValue', () => {
  it.each([
    ['0', 0],
    ['1', 1],
    ['-2.5', -2.5],
    ['0.46181666666666665', 0.46181666666666665],
    ['1e+21', 1e21],
    ['6.02E-3', 0.00602],
    ['.5', 0.5],
    ['NaN', Number.NaN],
    ['+Inf', Number.POSITIVE_INFINITY],
    ['-Inf', Number.NEGATIVE_INFINITY],
  ])('reads %s', (text, value) => {
    expect(parseSampleValue(text)).toBe(value);
  });

  it.each(['', ' ', '0x1f', 'Inf', 'Infinity', '-Infinity', 'nan', 'inf', '1,5', '1 ', 'true', '1e999'])(
    'refuses %j (a malformed answer, never a number)',
    (text) => {
      expect(parseSampleValue(text)).toBeNull();
    },
  );
});
