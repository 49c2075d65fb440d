import type { ChatRequest } from './openai-stand-in.ts';

/** What the assistant said: content, or a refusal (then content is `null`, as OpenAI sends it). */
export type AssistantTurn = { readonly content: string } | { readonly refusal: string };

/** Roughly OpenAI's tokenizer on English text: four characters a token, good enough for `usage`. */
function tokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * A `chat.completion` object shaped like api.openai.com's
 * (https://platform.openai.com/docs/api-reference/chat/object), for the n-th completion served.
 */
export function toChatCompletion(request: ChatRequest, turn: AssistantTurn, n: number, nowMs: number): object {
  const content = 'content' in turn ? turn.content : null;
  const refusal = 'refusal' in turn ? turn.refusal : null;
  const promptTokens = request.messages.reduce((sum, m) => sum + tokens(m.content) + 4, 0);
  const completionTokens = tokens(content ?? refusal ?? '');
  return {
    id: `chatcmpl-standin${String(n).padStart(6, '0')}`,
    object: 'chat.completion',
    created: Math.floor(nowMs / 1000),
    model: request.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal, annotations: [] },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    },
    service_tier: 'default',
    system_fingerprint: 'fp_stand_in',
  };
}
