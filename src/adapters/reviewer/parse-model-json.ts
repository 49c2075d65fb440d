import type * as z from 'zod';

/** Why a model's answer was not usable. */
export type ModelOutputError = 'shiplock_llm_invalid_json' | 'shiplock_llm_schema_violation';

/** Parses a model's answer: JSON first, then the schema. Never throws (model output is hostile). */
export function parseModelJson<T>(
  content: string,
  schema: z.ZodType<T>,
): { ok: true; value: T } | { ok: false; error: ModelOutputError } {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return { ok: false, error: 'shiplock_llm_invalid_json' };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: 'shiplock_llm_schema_violation' };
}
