import OpenAI from 'openai';
import { redactSecrets } from '../../config/redact-secrets.ts';
import { beforeDeadline, DeadlineExceeded } from './before-deadline.ts';

/** Why a model gave no usable answer. Stable codes: they reach logs, cards and gate errors. */
export type LlmErrorCode =
  | 'shiplock_llm_timeout'
  | 'shiplock_llm_rate_limited'
  | 'shiplock_llm_unauthorized'
  | 'shiplock_llm_api_error'
  | 'shiplock_llm_connection_failed'
  | 'shiplock_llm_refused'
  | 'shiplock_llm_truncated'
  | 'shiplock_llm_empty'
  | 'shiplock_llm_failed';

/** The model's raw text, or why there is none (with a human detail for the log). */
export type ModelAnswer =
  | { readonly ok: true; readonly content: string }
  | { readonly ok: false; readonly error: LlmErrorCode; readonly detail: string };

/** One structured-output question. */
export interface ModelQuestion {
  readonly model: string;
  readonly messages: OpenAI.Chat.ChatCompletionMessageParam[];
  readonly responseFormat: OpenAI.ResponseFormatJSONSchema;
  /** Deadline for the whole call, retries included. */
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
}

/**
 * Asks once, at temperature 0, with a strict JSON schema and no tools (OWASP LLM06: the model gets
 * no agency). Never throws: every failure, refusal or cut-off answer becomes a code.
 */
export async function askModel(openai: OpenAI, q: ModelQuestion): Promise<ModelAnswer> {
  try {
    const request = openai.chat.completions.create(
      { model: q.model, messages: q.messages, temperature: 0, response_format: q.responseFormat },
      { timeout: q.timeoutMs, signal: q.signal },
    );
    const completion = await beforeDeadline(request, q.signal, 'the model');
    const choice = completion.choices[0];
    if (choice === undefined) return fail('shiplock_llm_empty', 'no choices in the completion');
    if (choice.message.refusal) return fail('shiplock_llm_refused', 'the model refused');
    if (choice.finish_reason === 'content_filter') return fail('shiplock_llm_refused', 'content filter');
    if (choice.finish_reason === 'length') return fail('shiplock_llm_truncated', 'the answer hit the token limit');
    const content = choice.message.content;
    if (content === null || content.trim() === '') return fail('shiplock_llm_empty', 'empty content');
    return { ok: true, content };
  } catch (error) {
    return toFailure(error);
  }
}

function fail(error: LlmErrorCode, detail: string): ModelAnswer {
  return { ok: false, error, detail };
}

/** Maps the client's error classes (https://github.com/openai/openai-node#handling-errors) to codes. */
function toFailure(error: unknown): ModelAnswer {
  const detail = redactSecrets(error instanceof Error ? error.message : String(error)).slice(0, 500);
  const timedOut = error instanceof OpenAI.APIUserAbortError || error instanceof OpenAI.APIConnectionTimeoutError;
  if (timedOut || error instanceof DeadlineExceeded) {
    return fail('shiplock_llm_timeout', detail);
  }
  if (error instanceof OpenAI.APIConnectionError) return fail('shiplock_llm_connection_failed', detail);
  if (error instanceof OpenAI.RateLimitError) return fail('shiplock_llm_rate_limited', detail);
  if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError) {
    return fail('shiplock_llm_unauthorized', detail);
  }
  if (error instanceof OpenAI.APIError) return fail('shiplock_llm_api_error', detail);
  return fail('shiplock_llm_failed', detail);
}
