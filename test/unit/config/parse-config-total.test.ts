import fc from 'fast-check';
import { describe, it } from 'vitest';
import { stringify } from 'yaml';
import { parseConfig } from '../../../src/config/parse-config.ts';
import type { ConfigResult } from '../../../src/config/types.ts';
import { type Doc, minimalDocument } from './minimal-config.ts';

/** A result is well formed: ok with a config, or not ok with at least one string path and message. */
function wellFormed(result: ConfigResult): boolean {
  if (result.ok) return typeof result.config === 'object';
  return result.errors.length > 0 && result.errors.every((e) => typeof e.path === 'string' && e.message.length > 0);
}

const KEYS = [
  'repositories',
  'people',
  'groups',
  'gates',
  'approvals',
  'deploy',
  'name',
  'kind',
  'command',
  'time_lock',
  '__proto__',
  'constructor',
  'token',
];
const yamlish = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'ab:- \n\t[]{},&*!|>\'"#%@`?0123456789'.split('')), maxLength: 120 }),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
);

describe('parseConfig never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(yamlish, (text) => wellFormed(parseConfig(text, {}))),
      { numRuns: 500 },
    );
  });

  it('on arbitrary JSON (which is YAML)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => wellFormed(parseConfig(JSON.stringify(value), {}))),
      { numRuns: 500 },
    );
  });

  it('on arbitrary objects built from the schema keys', () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, true, 0, -1, 1.5, '', 'x', 'U1', '15m', 'acme/api', 'github_check'),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom(...KEYS), tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => wellFormed(parseConfig(stringify(v), {}))),
      { numRuns: 500 },
    );
  });

  it('on a valid document with one value replaced anywhere, and on arbitrary environments', () => {
    const base = minimalDocument();
    const paths = leafPaths(base);
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.jsonValue(),
        fc.dictionary(
          fc.constantFrom('SLACK_BOT_TOKEN', 'PROMETHEUS_URL', 'SHIPLOCK_DB', 'GITHUB_API_URL'),
          fc.string(),
        ),
        (path, replacement, env) => {
          const doc = structuredClone(base);
          setAt(doc, path, replacement);
          return wellFormed(parseConfig(stringify(doc), env));
        },
      ),
      { numRuns: 500 },
    );
  });
});

function leafPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [at];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [at, ...entries.flatMap(([k, v]) => leafPaths(v, [...at, k]))];
}

function setAt(root: Doc, path: readonly (string | number)[], value: unknown): void {
  if (path.length === 0) return;
  let node: Doc = root;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path[path.length - 1]!] = value;
}
