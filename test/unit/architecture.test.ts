/**
 * The architecture as a failing check (STYLE.md, "Who may import whom"): `src/core` imports nothing
 * outside `src/core`; `src/render` imports only `src/render`, `src/core` and types from
 * `@slack/types`; neither reads a clock, randomness, the process or the console.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CORE = join(ROOT, 'src/core');
const RENDER = join(ROOT, 'src/render');

type Layer = 'core' | 'render';

/** Calls and globals a pure layer may not touch. */
const FORBIDDEN = ['Date.now(', 'new Date(', 'Math.random(', 'process.', 'console.', 'require('];

/** The source without comments (strings and code kept), so a comment may name what the code may not do. */
function stripComments(source: string): string {
  let out = '';
  let i = 0;
  let quote: string | null = null;
  while (i < source.length) {
    const c = source[i] as string;
    const next = source[i + 1];
    if (quote !== null) {
      out += c;
      if (c === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (c === quote) quote = null;
      i += 1;
    } else if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i += 1;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end === -1 ? source.length : end + 2;
    } else {
      if (c === "'" || c === '"' || c === '`') quote = c;
      out += c;
      i += 1;
    }
  }
  return out;
}

interface Import {
  readonly specifier: string;
  readonly typeOnly: boolean;
}

/** Every static, side-effect and dynamic import or re-export of the source. */
function importsOf(code: string): { imports: Import[]; problems: string[] } {
  const imports: Import[] = [];
  const problems: string[] = [];
  const fromClause = /\b(import|export)(\s+type)?\s+[^'";]*?\bfrom\s*(['"])([^'"]+)\3/g;
  for (const m of code.matchAll(fromClause)) imports.push({ specifier: m[4] as string, typeOnly: m[2] !== undefined });
  for (const m of code.matchAll(/\bimport\s*(['"])([^'"]+)\1/g))
    imports.push({ specifier: m[2] as string, typeOnly: false });
  for (const m of code.matchAll(/\bimport\s*\(\s*([^)]*)\)/g)) {
    const literal = /^(['"])([^'"]+)\1$/.exec((m[1] ?? '').trim());
    if (literal === null) problems.push(`dynamic import of a computed name: import(${m[1]})`);
    else imports.push({ specifier: literal[2] as string, typeOnly: false });
  }
  return { imports, problems };
}

/** What is wrong with one file of a pure layer; empty when nothing is. */
function findViolations(file: string, source: string, layer: Layer): string[] {
  const code = stripComments(source);
  const where = relative(ROOT, file);
  const { imports, problems } = importsOf(code);
  const out = problems.map((p) => `${where}: ${p}`);
  for (const token of FORBIDDEN) if (code.includes(token)) out.push(`${where}: uses \`${token}\``);
  for (const { specifier, typeOnly } of imports) {
    if (layer === 'render' && specifier === '@slack/types' && typeOnly) continue;
    if (!specifier.startsWith('.')) {
      out.push(`${where}: imports \`${specifier}\` (${layer} may import ${allowed(layer)} only)`);
      continue;
    }
    const target = resolve(dirname(file), specifier);
    const inside = (dir: string) => target === dir || target.startsWith(`${dir}/`);
    if (inside(CORE) || (layer === 'render' && inside(RENDER))) continue;
    out.push(`${where}: imports \`${specifier}\`, outside ${allowed(layer)}`);
  }
  return out;
}

function allowed(layer: Layer): string {
  return layer === 'core' ? 'src/core' : 'src/render, src/core and `import type` from @slack/types';
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(c|m)?tsx?$|\.(c|m)?js$/.test(name) ? [path] : [];
  });
}

describe('architecture', () => {
  it('src/core is pure and imports nothing outside src/core', () => {
    const files = sourceFiles(CORE);
    expect(files.length).toBeGreaterThan(0);
    expect(files.flatMap((f) => findViolations(f, readFileSync(f, 'utf8'), 'core'))).toEqual([]);
  });

  it('src/render is pure and imports only src/render, src/core and types from @slack/types', () => {
    // src/render may not exist yet: then there is nothing to check.
    const files = sourceFiles(RENDER);
    expect(files.flatMap((f) => findViolations(f, readFileSync(f, 'utf8'), 'render'))).toEqual([]);
  });

  describe('the checker catches what it must (so this test can fail)', () => {
    const core = join(CORE, 'sample.ts');
    const render = join(RENDER, 'sample.ts');
    const violating: [string, string, Layer][] = [
      ['a node built-in', "import { readFileSync } from 'node:fs';", 'core'],
      ['an npm package', "import { z } from 'zod';", 'core'],
      ['a path out of core', "import { Config } from '../config/schema.ts';", 'core'],
      ['a re-export from outside', "export { x } from '../shell/ports.ts';", 'core'],
      ['a side-effect import', "import 'pino';", 'core'],
      ['a dynamic import', "const m = await import('node:crypto');", 'core'],
      ['a computed dynamic import', 'const m = await import(name);', 'core'],
      ['the clock', 'const now = Date.now();', 'core'],
      ['a Date', 'const d = new Date(at);', 'core'],
      ['randomness', 'const id = Math.random();', 'core'],
      ['the process', 'const env = process.env.TOKEN;', 'core'],
      ['the console', "console.log('hi');", 'core'],
      ['require', "const fs = require('fs');", 'core'],
      ['a value import from @slack/types', "import { KnownBlock } from '@slack/types';", 'render'],
      ['@slack/web-api', "import type { WebClient } from '@slack/web-api';", 'render'],
      ['the shell', "import { createShell } from '../shell/handle-event.ts';", 'render'],
      ['the clock in render', 'const s = String(new Date(0));', 'render'],
    ];
    it.each(violating)('flags %s', (_what, source, layer) => {
      expect(findViolations(layer === 'core' ? core : render, source, layer)).not.toEqual([]);
    });

    const fine: [string, string, Layer][] = [
      ['a sibling in core', "import { decide } from './decide.ts';", 'core'],
      ['a type-only sibling', "import type { Event } from './types.ts';", 'core'],
      ['a comment naming the clock', '// never Date.now() here\n/* nor process.env */', 'core'],
      ['core from render', "import type { Rollout } from '../core/types.ts';", 'render'],
      ['types from @slack/types', "import type { KnownBlock } from '@slack/types';", 'render'],
      ['a sibling in render', "import { escapeMrkdwn } from './mrkdwn.ts';", 'render'],
    ];
    it.each(fine)('accepts %s', (_what, source, layer) => {
      expect(findViolations(layer === 'core' ? core : render, source, layer)).toEqual([]);
    });
  });
});
