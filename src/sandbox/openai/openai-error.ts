import type { OpenAiErrorBody } from './openai-stand-in.ts';

/**
 * Builds OpenAI's error envelope. Wording follows what api.openai.com answers, so clients' error
 * mapping (`AuthenticationError`, `RateLimitError`, `BadRequestError`) is exercised for real.
 */
export function openAiError(message: string, type: string, param: string | null, code: string | null): OpenAiErrorBody {
  return { error: { message, type, param, code } };
}

/** 401 without a key. */
export const MISSING_KEY = openAiError(
  "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
  'invalid_request_error',
  null,
  null,
);

/** 401 with a wrong key; only the key's first characters are echoed, as OpenAI does. */
export function wrongKey(key: string): OpenAiErrorBody {
  return openAiError(
    `Incorrect API key provided: ${key.slice(0, 3)}***. You can find your API key at https://platform.openai.com/account/api-keys.`,
    'invalid_request_error',
    null,
    'invalid_api_key',
  );
}

/** 429 as a rate-limited account sees it. */
export const RATE_LIMITED = openAiError(
  'Rate limit reached for requests. Please try again in 1s.',
  'requests',
  null,
  'rate_limit_exceeded',
);

/** 400 for a request the API refuses. */
export function invalidRequest(message: string, param: string | null): OpenAiErrorBody {
  return openAiError(message, 'invalid_request_error', param, null);
}
