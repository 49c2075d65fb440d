import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/adapters/gates/scanner/rules.ts';

/** docs/security-rules.md is what operators read; it must list every rule with its severity. */
describe('docs/security-rules.md', () => {
  const doc = readFileSync(new URL('../../../docs/security-rules.md', import.meta.url), 'utf8');
  const rows = new Map(
    [...doc.matchAll(/^\| `(SL-[A-Z-]+)` \| (low|medium|high|critical) \|/gm)].map((m) => [m[1], m[2]]),
  );

  it.each(RULES.map((r) => [r.id, r.severity] as const))('lists %s as %s', (id, severity) => {
    expect(rows.get(id)).toBe(severity);
  });

  it('lists no rule that does not exist', () => {
    expect([...rows.keys()].sort()).toEqual(RULES.map((r) => r.id).sort());
  });
});
