import * as z from 'zod';
import { durationSchema } from './duration-schema.ts';
import { isHttpUrl } from './is-http-url.ts';
import type { ModelEndpointConfig } from './types.ts';

/** Default time limit of a narrow model's answer (the security scanner's and the canary's). */
export const DEFAULT_MODEL_TIMEOUT_MS = 60_000;

/**
 * A narrow model at an OpenAI-compatible endpoint, as written: `{ model, base_url, timeout }`.
 * Shared by `gates[].model` (security scanner) and `canary.model`; the API key is never here
 * (OPENAI_API_KEY, from the environment).
 */
export const modelEndpointSchema = z.strictObject({
  model: z.string().trim().min(1).max(200),
  base_url: z
    .string()
    .refine((s) => isHttpUrl(s), { error: 'must be an http:// or https:// URL' })
    .optional(),
  timeout: durationSchema().default(DEFAULT_MODEL_TIMEOUT_MS),
});

/** Maps a schema-checked model block to its configuration (camelCase, milliseconds). */
export function toModelEndpointConfig(raw: z.output<typeof modelEndpointSchema>): ModelEndpointConfig {
  return {
    model: raw.model,
    timeoutMs: raw.timeout,
    ...(raw.base_url === undefined ? {} : { baseUrl: raw.base_url }),
  };
}
