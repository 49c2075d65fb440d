import type OpenAI from 'openai';
import { z } from 'zod';
import { askModel } from '../reviewer/ask-model.ts';
import type { MetricSummary } from './metric-summary.ts';

/** What {@link createCanaryModel} needs: an OpenAI-compatible client (own `baseURL`) and a model id. */
export interface CanaryModelOptions {
  readonly openai: OpenAI;
  readonly model: string;
  readonly timeoutMs: number;
}

/** The narrow model's schema-validated opinion, or why there is none. */
export type CanaryModelAnswer =
  | { readonly ok: true; readonly unhealthy: boolean; readonly reason: string }
  | { readonly ok: false; readonly error: string };

/** "Is this canary healthy?" asked of a narrow (e.g. fine-tuned) model. */
export type CanaryModel = (summaries: readonly MetricSummary[]) => Promise<CanaryModelAnswer>;

const ANSWER = z.object({ unhealthy: z.boolean(), reason: z.string().max(500) }).strict();

const RESPONSE_FORMAT: OpenAI.ResponseFormatJSONSchema = {
  type: 'json_schema',
  json_schema: {
    name: 'canary_opinion',
    strict: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['unhealthy', 'reason'],
      properties: { unhealthy: { type: 'boolean' }, reason: { type: 'string' } },
    },
  },
};

const SYSTEM = [
  'You judge a canary deployment from metric summaries only: for each metric, effect estimates of the canary',
  'against the baseline with confidence intervals, the tolerated margin band and Holm-adjusted p-values.',
  'Answer whether the canary looks unhealthy, with a one-sentence reason, as the JSON the response format describes.',
].join('\n');

/**
 * The optional narrow model (issue 5): it receives only {@link MetricSummary}s, at temperature 0
 * with a strict JSON schema, and answers `{ unhealthy, reason }`, validated again here. Its answer
 * can only turn a healthy verdict into unhealthy (see `createCanaryJudge`); a timeout, an API
 * error or an invalid answer is `{ ok: false }`, which leaves the statistical verdict alone.
 * Never throws.
 */
export function createCanaryModel(options: CanaryModelOptions): CanaryModel {
  return async (summaries) => {
    const answer = await askModel(options.openai, {
      model: options.model,
      messages: [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: JSON.stringify({ metrics: summaries }) },
      ],
      responseFormat: RESPONSE_FORMAT,
      signal: AbortSignal.timeout(options.timeoutMs),
      timeoutMs: options.timeoutMs,
    });
    if (!answer.ok) return { ok: false, error: `${answer.error}: ${answer.detail}` };
    try {
      const parsed = ANSWER.safeParse(JSON.parse(answer.content));
      if (!parsed.success) return { ok: false, error: 'shiplock_llm_schema_violation: the canary model answer' };
      return { ok: true, ...parsed.data };
    } catch {
      return { ok: false, error: 'shiplock_llm_invalid_json: the canary model answer' };
    }
  };
}
