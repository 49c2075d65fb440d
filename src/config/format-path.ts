import { findSecretPattern } from './secret-patterns.ts';

/** A path into the configuration document: keys and sequence indexes. */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const MAX_KEY = 40;

/**
 * Writes a path the way the docs do: `repositories[0].approvals.groups[1].quorum`; `(root)` for
 * the document itself. Odd keys are quoted and truncated; a key that looks like a credential is
 * shown as `[<redacted>]`, so a path never leaks a secret.
 */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (findSecretPattern(segment) !== undefined) out += '[<redacted>]';
    else if (IDENTIFIER.test(segment) && segment.length <= MAX_KEY) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(truncate(segment))}]`;
  }
  return out === '' ? '(root)' : out;
}

function truncate(key: string): string {
  return key.length <= MAX_KEY ? key : `${key.slice(0, MAX_KEY - 1)}…`;
}

/**
 * Reads a path written by {@link formatPath} back into segments, to find its line in the document.
 * Redacted or truncated keys do not resolve; the caller then uses the nearest parent.
 */
export function parsePath(path: string): PathSegment[] {
  if (path === '(root)') return [];
  const segments: PathSegment[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)) {
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[3] !== undefined) segments.push(unquote(match[3]));
  }
  return segments;
}

function unquote(quoted: string): string {
  try {
    const value: unknown = JSON.parse(quoted);
    return typeof value === 'string' ? value : quoted;
  } catch {
    return quoted;
  }
}
