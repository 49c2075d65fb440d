import OpenAI from 'openai';
import type { Config, ModelEndpointConfig } from '../config/types.ts';

/**
 * The OpenAI client of a model endpoint (the advisory reviewer, the scanner's and the canary's
 * narrow models): its own `base_url`, else OPENAI_BASE_URL, else OpenAI; the key is OPENAI_API_KEY.
 */
export function createOpenAiClient(config: Config, endpoint?: ModelEndpointConfig): OpenAI {
  const baseURL = endpoint?.baseUrl ?? config.endpoints.openaiBaseUrl;
  return new OpenAI({
    // An endpoint of the operator's may need no key; OpenAI itself then answers 401, which is a model error.
    apiKey: config.secrets.OPENAI_API_KEY ?? 'none',
    maxRetries: 1,
    ...(baseURL === undefined ? {} : { baseURL }),
  });
}
