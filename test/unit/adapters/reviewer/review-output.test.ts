import { describe, expect, it } from 'vitest';
import { FINDINGS_RESPONSE_FORMAT, parseFindingsOutput } from '../../../../src/adapters/reviewer/findings-output.ts';
import { parseReviewOutput, REVIEW_RESPONSE_FORMAT } from '../../../../src/adapters/reviewer/review-output.ts';
import { toReviewText } from '../../../../src/adapters/reviewer/to-review-text.ts';
import { findStrictSchemaProblem } from '../../../../src/sandbox/openai/find-strict-schema-problem.ts';

const comment = { path: 'src/a.ts', line: 3, severity: 'high', body: 'Null check missing.' };
const review = (patch: Record<string, unknown>) => JSON.stringify({ summary: 'ok', comments: [comment], ...patch });

describe('parseReviewOutput', () => {
  it('accepts a review within the limits', () => {
    expect(parseReviewOutput(review({}))).toEqual({ ok: true, review: { summary: 'ok', comments: [comment] } });
  });

  it.each<[string, string, string]>([
    ['fail by not JSON', '{"summary": "x", ', 'shiplock_llm_invalid_json'],
    ['fail by an empty answer', '', 'shiplock_llm_invalid_json'],
    ['fail by a bare string', '"APPROVE"', 'shiplock_llm_schema_violation'],
    ['fail by an extra verdict key', review({ verdict: 'approve' }), 'shiplock_llm_schema_violation'],
    ['fail by a summary of 1,001', review({ summary: 'x'.repeat(1001) }), 'shiplock_llm_schema_violation'],
    ['fail by 51 comments', review({ comments: Array(51).fill(comment) }), 'shiplock_llm_schema_violation'],
    ['fail by a negative line', review({ comments: [{ ...comment, line: -1 }] }), 'shiplock_llm_schema_violation'],
    ['fail by a fractional line', review({ comments: [{ ...comment, line: 1.5 }] }), 'shiplock_llm_schema_violation'],
    [
      'fail by severity critical',
      review({ comments: [{ ...comment, severity: 'critical' }] }),
      'shiplock_llm_schema_violation',
    ],
    [
      'fail by a body of 2,001',
      review({ comments: [{ ...comment, body: 'b'.repeat(2001) }] }),
      'shiplock_llm_schema_violation',
    ],
    [
      'fail by a missing body',
      review({ comments: [{ path: 'a', line: 1, severity: 'low' }] }),
      'shiplock_llm_schema_violation',
    ],
  ])('%s', (_rule, content, error) => {
    expect(parseReviewOutput(content)).toEqual({ ok: false, error });
  });
});

describe('parseFindingsOutput', () => {
  const finding = { ruleId: 'MODEL-EVAL', severity: 'critical', path: 'a.js', line: 2, message: 'eval of input' };
  it('accepts findings and an empty list', () => {
    expect(parseFindingsOutput(JSON.stringify({ findings: [finding] }))).toEqual({ ok: true, findings: [finding] });
    expect(parseFindingsOutput('{"findings":[]}')).toEqual({ ok: true, findings: [] });
  });
  it.each<[string, unknown]>([
    ['fail by severity info', { findings: [{ ...finding, severity: 'info' }] }],
    ['fail by a rule id with spaces', { findings: [{ ...finding, ruleId: 'a b' }] }],
    ['fail by an empty message', { findings: [{ ...finding, message: '' }] }],
    ['fail by a verdict instead of findings', { verdict: 'safe' }],
  ])('%s', (_rule, value) => {
    expect(parseFindingsOutput(JSON.stringify(value))).toEqual({ ok: false, error: 'shiplock_llm_schema_violation' });
  });
});

describe('the response formats', () => {
  it.each([
    ['review', REVIEW_RESPONSE_FORMAT],
    ['findings', FINDINGS_RESPONSE_FORMAT],
  ])('the %s schema is strict and in the subset strict mode accepts', (_name, format) => {
    expect(format.json_schema.strict).toBe(true);
    expect(findStrictSchemaProblem(format.json_schema.schema)).toBeNull();
  });

  it('the strict-subset check catches what it must (so the test above can fail)', () => {
    expect(findStrictSchemaProblem({ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] })).toMatch(
      /additionalProperties/,
    );
    expect(
      findStrictSchemaProblem({
        type: 'object',
        additionalProperties: false,
        required: ['a'],
        properties: {
          a: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { b: {} } } },
        },
      }),
    ).toMatch(/Missing 'b'/);
  });
});

describe('toReviewText', () => {
  it('lists comments as [severity] path:line — body', () => {
    expect(
      toReviewText([
        { path: 'src/a.ts', line: 12, severity: 'high', body: 'Unchecked\ninput.' },
        { path: 'README.md', line: 0, severity: 'info', body: 'Typo.' },
        { path: '', line: 0, severity: 'low', body: 'General remark.' },
      ]),
    ).toBe('[high] src/a.ts:12 — Unchecked input.\n[info] README.md — Typo.\n[low] — General remark.');
    expect(toReviewText([])).toBe('No line comments.');
  });
});
