/**
 * The IANA name of a time zone with its canonical casing (`europe/berlin` → `Europe/Berlin`), or
 * null when the runtime does not know it. Validated with `Intl.DateTimeFormat`, which throws a
 * RangeError on an unknown zone. A valid name is otherwise kept as written: ICU resolves some
 * current names to legacy ones (`Asia/Kolkata` → `Asia/Calcutta`), which would only confuse.
 */
export function toTimeZone(name: string): string | null {
  if (name.trim() === '' || name !== name.trim()) return null;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
  } catch {
    return null;
  }
}
