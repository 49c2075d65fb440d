import type OpenAI from 'openai';
import * as z from 'zod';
import { type ModelOutputError, parseModelJson } from './parse-model-json.ts';

/** One line comment of the advisory review. */
const reviewComment = z.strictObject({
  path: z.string().max(1_000),
  line: z.number().int().min(0),
  severity: z.enum(['info', 'low', 'medium', 'high']),
  body: z.string().max(2_000),
});

/** What the reviewer accepts from the model; anything else makes the review unavailable. */
const reviewOutput = z.strictObject({
  summary: z.string().max(1_000),
  comments: z.array(reviewComment).max(50),
});

/** A validated advisory review. */
export type ReviewOutput = z.infer<typeof reviewOutput>;

/**
 * The strict `json_schema` response format. Written by hand rather than from the zod schema: strict
 * mode accepts only a subset of JSON Schema, and OpenAI-compatible servers differ on length and
 * count keywords, so limits travel as descriptions and zod enforces them on the answer (the model
 * is an untrusted user — OWASP LLM05).
 */
export const REVIEW_RESPONSE_FORMAT: OpenAI.ResponseFormatJSONSchema = {
  type: 'json_schema',
  json_schema: {
    name: 'advisory_review',
    strict: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['summary', 'comments'],
      properties: {
        summary: { type: 'string', description: 'At most 1,000 characters.' },
        comments: {
          type: 'array',
          description: 'At most 50.',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['path', 'line', 'severity', 'body'],
            properties: {
              path: { type: 'string' },
              line: { type: 'integer', description: 'Line in the new file; 0 when none.' },
              severity: { type: 'string', enum: ['info', 'low', 'medium', 'high'] },
              body: { type: 'string', description: 'At most 2,000 characters.' },
            },
          },
        },
      },
    },
  },
};

/** Parses the model's answer: JSON, then the schema. Never throws. */
export function parseReviewOutput(
  content: string,
): { ok: true; review: ReviewOutput } | { ok: false; error: ModelOutputError } {
  const parsed = parseModelJson(content, reviewOutput);
  return parsed.ok ? { ok: true, review: parsed.value } : parsed;
}
