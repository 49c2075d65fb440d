/**
 * Removes mapping entries whose value is null, everywhere: in YAML `http:` with every child
 * commented out is null, and means "use the defaults", as an absent key does. Sequence items stay.
 */
export function dropEmptyKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropEmptyKeys);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== null)
      Object.defineProperty(out, key, {
        value: dropEmptyKeys(item),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return out;
}
