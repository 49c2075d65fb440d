import type { PathSegment } from './format-path.ts';

/** A plain object from the YAML document. */
export type RawRecord = Readonly<Record<string, unknown>>;

/** True for a plain (non-array) object. */
export function isRecord(value: unknown): value is RawRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The own property `key` of `value` when it is an object, else undefined (never the prototype's). */
export function field(value: unknown, key: string): unknown {
  return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** `value` when it is an array, else an empty one: the cross-field checks skip what the schema reports. */
export function items(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `value` when it is a string. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The value at `path`, or undefined. */
export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const segment of path) {
    node = typeof segment === 'number' ? (Array.isArray(node) ? node[segment] : undefined) : field(node, segment);
  }
  return node;
}
