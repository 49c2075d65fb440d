import { isNode, LineCounter, parseDocument } from 'yaml';
import type { PathSegment } from './format-path.ts';
import { redactSecrets } from './redact-secrets.ts';
import type { ConfigError } from './types.ts';

/** The document as plain data, and a way to find the line of a path in it. */
export type ParsedYaml =
  | {
      readonly ok: true;
      readonly value: unknown;
      readonly lineOf: (path: readonly PathSegment[]) => number | undefined;
    }
  | { readonly ok: false; readonly errors: readonly ConfigError[] };

/**
 * Parses YAML 1.2 text (one document; duplicate keys are errors; alias expansion bounded so an
 * "alias bomb" is refused) into plain data. Syntax errors come back with line and column; their
 * messages never quote the source, which could hold a secret.
 */
export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        return { path: '(yaml)', message: `YAML syntax: ${redactSecrets(e.message)}`, line, column: col };
      }),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const reason = error instanceof Error ? redactSecrets(error.message) : 'unreadable document';
    return { ok: false, errors: [{ path: '(yaml)', message: `YAML could not be read: ${reason}` }] };
  }
  if (hasCycle(value, new Set())) {
    return {
      ok: false,
      errors: [{ path: '(yaml)', message: 'YAML could not be read: an alias refers to a node that contains it' }],
    };
  }
  const lineOf = (path: readonly PathSegment[]): number | undefined => {
    for (let depth = path.length; depth >= 1; depth--) {
      const node: unknown = doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { ok: true, value, lineOf };
}

/** True when an alias made the data refer to itself (`- &a [*a]`), which no config needs. */
function hasCycle(value: unknown, ancestors: Set<object>): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (ancestors.has(value)) return true;
  ancestors.add(value);
  const found = Object.values(value).some((child) => hasCycle(child, ancestors));
  ancestors.delete(value);
  return found;
}
