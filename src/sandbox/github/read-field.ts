import type { Json, JsonObject } from './types.ts';

/** A string field of a request body, `undefined` when absent or not a string. */
export function readString(body: JsonObject, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' ? value : undefined;
}

/** A boolean field of a request body. */
export function readBoolean(body: JsonObject, key: string): boolean | undefined {
  const value = body[key];
  return typeof value === 'boolean' ? value : undefined;
}

/** An object field of a request body. */
export function readObject(body: JsonObject, key: string): JsonObject | undefined {
  const value: Json | undefined = body[key];
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}
