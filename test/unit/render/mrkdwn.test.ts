import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochToIso } from '../../../src/render/epoch-to-iso.ts';
import { formatDuration } from '../../../src/render/format-duration.ts';
import { mentionList, mentionUser } from '../../../src/render/mention-user.ts';
import {
  escapeMrkdwn,
  plainString,
  plainText,
  safeMrkdwn,
  splitMrkdwn,
  truncate,
  truncateMarkup,
} from '../../../src/render/mrkdwn.ts';
import { slackDate } from '../../../src/render/slack-date.ts';

const WJ = '\u2060';
const ZWSP = '\u200B';

describe('escapeMrkdwn', () => {
  it.each([
    ['<!channel>', '&lt;!channel&gt;'],
    ['<@U123>', `&lt;${'@'}${WJ}U123&gt;`],
    ['<!subteam^S1>', '&lt;!subteam^S1&gt;'],
    ['<#C123>', '&lt;#C123&gt;'],
    ['&lt;!here&gt;', '&amp;lt;!here&amp;gt;'],
    ['fish & chips', 'fish &amp; chips'],
    ['@here and @channel', `@${WJ}here and @${WJ}channel`],
    ['mail a@b', `mail a@${WJ}b`],
    ['lone @ sign', 'lone @ sign'],
    ['https://evil.example/x', `https:${ZWSP}//evil.${ZWSP}example/x`],
    ['see evil.example.', `see evil.${ZWSP}example.`],
    ['\u202Egnp.exe', `gnp.${ZWSP}exe`],
    ['a\u0000b\u0007c\r\nd', 'abc\nd'],
    ['\uD800x', '\uFFFDx'],
    ['*bold* `code` _it_', '*bold* `code` _it_'],
  ])('%j → %j', (input, output) => {
    expect(escapeMrkdwn(input)).toBe(output);
  });
});

describe('truncate', () => {
  it('keeps short text and ends cut text with …', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('0123456789abc', 10)).toBe('012345678…');
    expect(truncate('anything', 0)).toBe('');
  });

  it('never splits a surrogate pair or an entity', () => {
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncate('ab&amp;cd', 5)).toBe('ab…');
    expect(truncate('ab&amp;cd', 8)).toBe('ab&amp;…');
  });

  it('property: ≤ max, a prefix plus …, no broken pair or entity', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '&amp;', '&lt;', '&gt;', '😀', 'é', '\n'), maxLength: 60 });
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 80 }), (t, max) => {
        const out = truncate(t, max);
        expect(out.length).toBeLessThanOrEqual(max);
        if (t.length <= max || max === 0) {
          expect(out).toBe(t.length <= max ? t : '');
          return;
        }
        expect(out.endsWith('…')).toBe(true);
        const kept = out.slice(0, -1);
        expect(t.startsWith(kept)).toBe(true);
        expect(kept).not.toMatch(/[\uD800-\uDBFF]$/);
        expect(kept).not.toMatch(/&[a-z]{0,3}$/);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('safeMrkdwn, plainText, truncateMarkup, splitMrkdwn', () => {
  it('cut a 100k string cheaply and mark the cut', () => {
    const huge = '<!channel>'.repeat(10_000);
    const out = safeMrkdwn(huge, 300);
    expect(out.length).toBeLessThanOrEqual(300);
    expect(out.endsWith('…')).toBe(true);
    expect(out).not.toContain('<');
  });

  it('plain_text: emoji off, look-alikes for < >, one line, never empty', () => {
    expect(plainText('<!here> @channel\nhttp://x.io', 100)).toEqual({
      type: 'plain_text',
      text: `\u2039!here\u203A @${WJ}channel http:${ZWSP}//x.${ZWSP}io`,
      emoji: false,
    });
    expect(plainString('\u0000\u202E', 10)).toBe('—');
    expect(plainString('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('truncateMarkup drops a token cut in half', () => {
    expect(truncateMarkup(`hello ${slackDate(0)}`, 20)).toBe('hello …');
    expect(truncateMarkup('hi <@U123> there', 12)).toBe('hi <@U123> …');
  });

  it('splitMrkdwn cuts on lines and entities only, losing nothing', () => {
    const text = `${'a'.repeat(8)}&amp;${'b'.repeat(3)}\n${'c'.repeat(12)}`;
    const parts = splitMrkdwn(text, 10);
    expect(parts.join('')).toBe(text);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(10);
      expect(p).not.toMatch(/&[a-z]{0,3}$/);
    }
  });
});

describe('mentions, dates, durations', () => {
  it('mention only ids shaped like Slack user ids', () => {
    expect(mentionUser('U012ABCDEF')).toBe('<@U012ABCDEF>');
    expect(mentionUser('W123')).toBe('<@W123>');
    for (const bad of ['!channel', 'U1>', 'u123', 'U12|x', 'C123', '', 'U123 ']) expect(mentionUser(bad)).toBeNull();
    expect(mentionList(['UBOB', '<!here>', 'UCAROL'], 1)).toBe('<@UBOB>, 1 more, 1 with an invalid Slack id');
  });

  it('epochToIso agrees with toISOString over years 0000–9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (ms) => {
        expect(epochToIso(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
    for (const ms of [0, 951_782_400_000, 4_107_542_400_000, -1])
      expect(epochToIso(ms)).toBe(new Date(ms).toISOString());
    expect(epochToIso(Number.NaN)).toBeNull();
    expect(epochToIso(8.64e15)).toBeNull();
  });

  it('slackDate emits a date token with a UTC fallback, or words for an impossible time', () => {
    expect(slackDate(1_714_564_800_000)).toBe('<!date^1714564800^{date_short_pretty} {time}|2024-05-01 12:00 UTC>');
    expect(slackDate(Number.POSITIVE_INFINITY)).toBe('an unknown time');
  });

  it.each([
    [850, '850 ms'],
    [42_000, '42 s'],
    [185_000, '3 min 05 s'],
    [7_620_000, '2 h 07 min'],
    [-1, '—'],
    [Number.NaN, '—'],
  ])('formatDuration(%d) = %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
