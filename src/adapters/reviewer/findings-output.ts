import type OpenAI from 'openai';
import * as z from 'zod';
import { type Finding, SEVERITIES } from '../gates/finding.ts';
import { type ModelOutputError, parseModelJson } from './parse-model-json.ts';

const finding = z.strictObject({
  ruleId: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/),
  severity: z.enum(SEVERITIES),
  path: z.string().max(1_000),
  line: z.number().int().min(0),
  message: z.string().min(1).max(2_000),
});
const findingsOutput = z.strictObject({ findings: z.array(finding).max(100) });

/** The narrow model's strict response format; limits are enforced by zod on the answer. */
export const FINDINGS_RESPONSE_FORMAT: OpenAI.ResponseFormatJSONSchema = {
  type: 'json_schema',
  json_schema: {
    name: 'security_findings',
    strict: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['findings'],
      properties: {
        findings: {
          type: 'array',
          description: 'At most 100; empty when nothing is wrong.',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['ruleId', 'severity', 'path', 'line', 'message'],
            properties: {
              ruleId: { type: 'string', description: 'Letters, digits and . _ : - only; at most 64.' },
              severity: { type: 'string', enum: [...SEVERITIES] },
              path: { type: 'string' },
              line: { type: 'integer', description: 'Line in the new file; 0 when none.' },
              message: { type: 'string', description: 'At most 2,000 characters.' },
            },
          },
        },
      },
    },
  },
};

/** Parses the narrow model's answer into findings. Never throws. */
export function parseFindingsOutput(
  content: string,
): { ok: true; findings: Finding[] } | { ok: false; error: ModelOutputError } {
  const parsed = parseModelJson(content, findingsOutput);
  return parsed.ok ? { ok: true, findings: parsed.value.findings } : parsed;
}
