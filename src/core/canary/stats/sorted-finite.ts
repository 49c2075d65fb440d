/**
 * A sorted copy of a sample as a Float64Array, after checking it is non-empty and finite. The
 * statistics take finite samples only: the caller removes NaNs (its `nanStrategy`), so a NaN
 * or an infinity reaching here is a bug and throws.
 */
export function sortedFinite(values: readonly number[], name: string): Float64Array {
  if (values.length === 0) throw new RangeError(`${name} is empty`);
  const out = Float64Array.from(values);
  for (const v of out) if (!Number.isFinite(v)) throw new RangeError(`${name} has a non-finite value: ${v}`);
  return out.sort();
}
