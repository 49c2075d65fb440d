import type { JsonObject } from './types.ts';

/** A string argument; numbers are accepted as their decimal text (JSON bodies may carry them). */
export function readString(args: Readonly<JsonObject>, name: string): string | undefined {
  const value = args[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** A boolean argument: `true`/`false` in JSON, `"true"`/`"false"`/`"1"`/`"0"` in a form. */
export function readBoolean(args: Readonly<JsonObject>, name: string): boolean | undefined {
  const value = args[name];
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return undefined;
}

/** A JSON argument (`blocks`, `view`…): forms carry it as a JSON string, JSON bodies as a value. */
export function readJson(
  args: Readonly<JsonObject>,
  name: string,
): { readonly ok: true; readonly value: unknown } | { readonly ok: false } {
  const value = args[name];
  if (typeof value !== 'string') return { ok: true, value };
  try {
    return { ok: true, value: JSON.parse(value) as unknown };
  } catch {
    return { ok: false };
  }
}
