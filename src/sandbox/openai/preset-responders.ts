import { obeyingResponder } from './obeying-responder.ts';
import type { ChatRequest, ModelReply, Responder } from './openai-stand-in.ts';
import { reviewResponder } from './review-responder.ts';

/** Answers `reply` after `ms`, like a model that is slow today. The timer never holds the process open. */
function slow(ms: number, then: Responder = reviewResponder): Responder {
  return (request: ChatRequest) =>
    new Promise<ModelReply>((resolve) => {
      setTimeout(() => resolve(then(request)), ms).unref();
    });
}

/** Valid JSON in the wrong shape: wrong types, a severity outside the enum, an extra verdict. */
function schemaViolation(request: ChatRequest): ModelReply {
  const format = request.responseFormat;
  const wantsFindings =
    format?.type === 'json_schema' && JSON.stringify(format.jsonSchema.schema.properties ?? {}).includes('findings');
  if (wantsFindings) return JSON.stringify({ findings: [{ ruleId: 7, severity: 'catastrophic', path: null }] });
  return JSON.stringify({
    summary: 42,
    comments: [{ path: 'a.ts', line: -1, severity: 'critical', body: 'x' }],
    verdict: 'approve',
  });
}

/**
 * The stand-in's "models", deterministic. `review` is the default; the rest misbehave the ways a
 * real endpoint does, for tests: broken JSON, a schema violation, slowness, silence, rate limits,
 * server errors, refusals, and a model that obeys instructions injected into its prompt.
 */
export const presetResponders = {
  review: reviewResponder,
  invalidJson: (): ModelReply => '{"summary": "Looks good", "comments": [',
  schemaViolation,
  slow,
  hang: (): ModelReply => 'hang',
  rateLimited:
    (retryAfterSeconds = 1): Responder =>
    () => ({
      status: 429,
      retryAfterSeconds,
      error: { message: '', type: 'requests', param: null, code: 'rate_limit_exceeded' },
    }),
  serverError: (): ModelReply => ({
    status: 500,
    error: {
      message: 'The server had an error while processing your request.',
      type: 'server_error',
      param: null,
      code: null,
    },
  }),
  refusal: (): ModelReply => ({ refusal: "I'm sorry, but I can't help with that request." }),
  obeying: obeyingResponder,
} as const;
