import { applyResponse } from './apply-response.ts';
import type { ApiReply, ApiState } from './handle-api-request.ts';
import { failure } from './stand-in-context.ts';
import type { JsonObject } from './types.ts';

function parseBody(rawBody: string): JsonObject | undefined {
  try {
    const body = JSON.parse(rawBody) as unknown;
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as JsonObject) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Answers a POST to a `response_url` the stand-in issued: JSON body, up to 5 uses within 30 minutes.
 * Unknown, used-up or expired URLs → HTTP 404; a refused message → HTTP 400 with the error (so Bolt's
 * `respond()` throws, as it does against Slack). Recorded in `calls` as method `response_url`.
 */
export function handleResponseUrl(state: Pick<ApiState, 'context' | 'calls'>, path: string, rawBody: string): ApiReply {
  const at = state.context.clock();
  const body = parseBody(rawBody);
  let reply: ApiReply;
  if (body === undefined) reply = { status: 400, headers: {}, body: failure('invalid_payload') };
  else {
    const use = state.context.responseUrls.use(path);
    if (!use.ok) reply = { status: 404, headers: {}, body: failure(use.error) };
    else {
      const result = applyResponse(state.context, use.target, body, 'response_url');
      reply = { status: result.ok === true ? 200 : 400, headers: {}, body: result };
    }
  }
  state.calls.push({
    method: 'response_url',
    args: { ...body, response_url: path },
    at,
    status: reply.status,
    response: reply.body,
  });
  return reply;
}
