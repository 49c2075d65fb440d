import type { Json } from './types.ts';

/** A deep copy of `value` with every string passed through `replace` (templates → this stand-in's names). */
export function rewriteStrings<T extends Json>(value: T, replace: (text: string) => string): T {
  const walk = (node: Json): Json => {
    if (typeof node === 'string') return replace(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, walk(item as Json)]));
  };
  return walk(value) as T;
}

/** A replacer applying `pairs` in order, each to every occurrence. */
export function replaceAllOf(pairs: readonly (readonly [string, string])[]): (text: string) => string {
  return (text) => pairs.reduce((out, [from, to]) => out.replaceAll(from, to), text);
}
