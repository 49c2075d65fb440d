import type * as z from 'zod';
import { formatPath, type PathSegment } from './format-path.ts';
import { knownKeys } from './known-keys.ts';
import { isRecord, valueAt } from './raw-access.ts';
import { redactSecrets } from './redact-secrets.ts';
import { suggestKey } from './suggest-key.ts';
import type { ConfigError } from './types.ts';

type Issue = z.core.$ZodIssue;

const ZOD_DEFAULT_MESSAGE = /^(?:Invalid|Too (?:small|big)|Unrecognized)/;

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys to values',
};

/**
 * Turns schema issues into errors with the document's paths and plain messages: a missing key is
 * "is required", a misspelt key is an unknown key with the nearest known one. Values are never
 * quoted back, because a value might be a secret.
 */
export function mapZodIssues(issues: readonly Issue[], raw: unknown, schema: z.ZodType): ConfigError[] {
  return issues.flatMap((issue): ConfigError[] => {
    const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, path);
      return issue.keys.map((key) => ({ path: formatPath([...path, key]), message: unknownKeyMessage(key, known) }));
    }
    return [{ path: formatPath(path), message: redactSecrets(messageFor(issue, path, raw)) }];
  });
}

function unknownKeyMessage(key: string, known: readonly string[]): string {
  const suggestion = suggestKey(key, known);
  if (suggestion !== undefined) return `unknown key; did you mean ${suggestion}?`;
  return known.length > 0 ? `unknown key; the keys allowed here are ${known.join(', ')}` : 'unknown key';
}

function messageFor(issue: Issue, path: readonly PathSegment[], raw: unknown): string {
  const parent = valueAt(raw, path.slice(0, -1));
  if (path.length > 0 && isRecord(parent) && valueAt(raw, path) === undefined) return 'is required';
  if (!ZOD_DEFAULT_MESSAGE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
      return valueAt(raw, path) === null ? `is empty; it ${expected}` : expected;
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'too_small':
      return bound(issue.origin, 'at least', issue.minimum, issue.inclusive !== false, 'greater than');
    case 'too_big':
      return bound(issue.origin, 'at most', issue.maximum, issue.inclusive !== false, 'less than');
    default:
      return issue.message;
  }
}

function bound(
  origin: string,
  inclusiveWord: string,
  limit: number | bigint,
  inclusive: boolean,
  strict: string,
): string {
  const n = Number(limit);
  if (origin === 'array') return `must list ${inclusiveWord} ${n} ${n === 1 ? 'item' : 'items'}`;
  if (origin === 'string')
    return n === 1 && inclusiveWord === 'at least'
      ? 'must not be empty'
      : `must be ${inclusiveWord} ${n} characters long`;
  return `must be ${inclusive ? inclusiveWord : strict} ${n}`;
}
