import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTION_ID,
  BLOCK_ID,
  CALLBACK_ID,
  parseButtonValue,
  RETRY_ACTION_ID_PATTERN,
  retryActionId,
  toButtonValue,
} from '../../../src/render/ids.ts';
import { SHA_A } from './render-fixtures.ts';

const rolloutId = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/);
const sha = fc.oneof(fc.stringMatching(/^[0-9a-f]{40}$/), fc.stringMatching(/^[0-9a-f]{64}$/));
const gateId = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);

describe('ids', () => {
  it('are unique, within Slack’s 255 characters, and namespaced', () => {
    const all = [...Object.values(ACTION_ID), ...Object.values(BLOCK_ID), ...Object.values(CALLBACK_ID)];
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) {
      expect(id.length).toBeLessThanOrEqual(255);
      expect(id).toMatch(/^shiplock\./);
    }
  });

  it('retry action ids are distinct per button and routed by one pattern', () => {
    const ids = [0, 1, 2, 3, 4].map(retryActionId);
    expect(new Set(ids).size).toBe(5);
    for (const id of ids) expect(id).toMatch(RETRY_ACTION_ID_PATTERN);
    expect(ACTION_ID.retry).not.toMatch(RETRY_ACTION_ID_PATTERN);
  });
});

describe('button values', () => {
  it('round-trip every encodable reference within 2,000 characters', () => {
    fc.assert(
      fc.property(rolloutId, sha, fc.option(gateId, { nil: undefined }), (id, s, gate) => {
        const ref = gate === undefined ? { rolloutId: id, sha: s } : { rolloutId: id, sha: s, gateId: gate };
        const value = toButtonValue(ref);
        expect(value).not.toBeNull();
        expect(value!.length).toBeLessThanOrEqual(2000);
        expect(parseButtonValue(value)).toEqual(ref);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['a rollout id with the separator', { rolloutId: 'r|1', sha: SHA_A }],
    ['a short SHA', { rolloutId: 'r1', sha: 'abc' }],
    ['an upper-case SHA', { rolloutId: 'r1', sha: SHA_A.toUpperCase() }],
    ['an empty rollout id', { rolloutId: '', sha: SHA_A }],
    ['a gate id with a space', { rolloutId: 'r1', sha: SHA_A, gateId: 'a b' }],
  ])('refuse to encode %s', (_name, ref) => {
    expect(toButtonValue(ref)).toBeNull();
  });

  it.each([
    undefined,
    null,
    42,
    {},
    '',
    's1',
    's1|r1',
    `s2|r1|${SHA_A}`,
    `s1|r1|${SHA_A}|unit|extra`,
    `s1|r1|${SHA_A}|`,
    `s1||${SHA_A}`,
    `s1|r 1|${SHA_A}`,
    `s1|r1|${SHA_A}x`,
    `s1|r1|${SHA_A}|${'g'.repeat(65)}`,
    `s1|${'r'.repeat(3000)}|${SHA_A}`,
    `S1|r1|${SHA_A}`,
  ])('parse %j as null', (value) => {
    expect(parseButtonValue(value)).toBeNull();
  });

  it('parse anything hostile without throwing, and accept only what it could have encoded', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.anything()), (value) => {
        const ref = parseButtonValue(value);
        if (ref !== null) expect(toButtonValue(ref)).toBe(value);
      }),
      { numRuns: 3000 },
    );
  });
});
