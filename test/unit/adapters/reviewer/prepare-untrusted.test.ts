import { describe, expect, it } from 'vitest';
import { capUtf8 } from '../../../../src/adapters/reviewer/cap-utf8.ts';
import { prepareUntrusted } from '../../../../src/adapters/reviewer/prepare-untrusted.ts';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('capUtf8', () => {
  it('leaves text within budget alone', () => {
    expect(capUtf8('abc', 3)).toEqual({ text: 'abc', truncated: false });
  });

  it('never splits a multi-byte character', () => {
    // '€' is three bytes, '😀' four: a cut at every byte offset stays valid UTF-8 within budget.
    const text = 'a€😀b€😀'.repeat(3);
    for (let max = 0; max <= bytes(text); max += 1) {
      const { text: cut } = capUtf8(text, max);
      expect(bytes(cut)).toBeLessThanOrEqual(max);
      expect(cut).not.toContain('\uFFFD');
      expect(text.startsWith(cut)).toBe(true);
    }
  });

  it('prefers to cut after a line break in the second half', () => {
    expect(capUtf8('line one\nline two\nline three', 22)).toEqual({ text: 'line one\nline two\n', truncated: true });
  });
});

describe('prepareUntrusted', () => {
  const token = `ghp_${'A'.repeat(36)}`;
  const key = `sk-${'b'.repeat(40)}`;

  it('redacts secrets before anything else', () => {
    const out = prepareUntrusted(`+const t = "${token}";\n+const k = '${key}';\n`, 10_000);
    expect(out.text).not.toContain(token);
    expect(out.text).not.toContain(key);
    expect(out.text).toContain('<redacted>');
    expect(out.truncated).toBe(false);
  });

  it('never sends half a secret when the cut falls inside one', () => {
    const text = `${'x'.repeat(89)} ${token}`;
    for (let max = 90; max < 100; max += 1) {
      const out = prepareUntrusted(text, max);
      expect(out.text).not.toContain('ghp_');
      expect(out.truncated).toBe(true);
    }
  });

  it('caps to the byte budget and reports the original size, even for a huge input', () => {
    const huge = '+a line of code\n'.repeat(1_000_000);
    const started = performance.now();
    const out = prepareUntrusted(huge, 1_000);
    expect(performance.now() - started).toBeLessThan(500);
    expect(bytes(out.text)).toBeLessThanOrEqual(1_000);
    expect(out).toMatchObject({ truncated: true, bytes: bytes(huge) });
  });
});
