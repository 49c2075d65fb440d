import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../../src/render');
const FILES = readdirSync(ROOT).filter((f) => f.endsWith('.ts'));
const source = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** STYLE.md: render is pure — no clock, no randomness, no process, no console. */
const FORBIDDEN = ['Date.now(', 'new Date(', 'Math.random(', 'process.', 'console.'];

describe('src/render stays pure (STYLE.md, "Who may import whom")', () => {
  it.each(FILES)('%s uses no clock, randomness, process or console', (file) => {
    for (const word of FORBIDDEN) expect(source(file)).not.toContain(word);
  });

  it.each(FILES)('%s imports only src/core, sibling files and types from @slack/types', (file) => {
    const imports = [...source(file).matchAll(/^import\s+(type\s+)?[^'"]*from\s+'([^']+)';/gm)];
    for (const [, typeOnly, from] of imports) {
      if (from === '@slack/types') expect(typeOnly, `${file}: @slack/types must be import type`).toBe('type ');
      else expect(from, file).toMatch(/^\.\/[a-z0-9-]+\.ts$|^\.\.\/core\/[a-z0-9-]+\.ts$/);
    }
  });

  it.each(FILES)('%s stays under 200 lines and documents its exports', (file) => {
    const text = source(file);
    expect(text.split('\n').length).toBeLessThanOrEqual(200);
    for (const match of text.matchAll(/^export (?:function|const|interface|type) (\w+)/gm)) {
      const before = text.slice(0, match.index).trimEnd();
      expect(before.endsWith('*/'), `${file}: ${match[1]} needs TSDoc`).toBe(true);
    }
  });
});
