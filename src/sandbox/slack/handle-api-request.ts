import { setTimeout as sleep } from 'node:timers/promises';
import { API_METHODS } from './api-methods.ts';
import { type Authentication, authenticate } from './authenticate.ts';
import type { RateLimiter } from './create-rate-limiter.ts';
import { parseApiArgs } from './parse-api-args.ts';
import { readString } from './read-arg.ts';
import { failure, type StandInContext } from './stand-in-context.ts';
import type { JsonObject, RecordedCall } from './types.ts';

/** The parts of the stand-in a Web API request touches. */
export interface ApiState {
  readonly context: StandInContext;
  readonly limiter: RateLimiter;
  /** Added delay per method, in milliseconds (to prove acknowledgements do not wait on Slack). */
  readonly latency: Map<string, number>;
  readonly calls: RecordedCall[];
  readonly tokens: ReadonlySet<string>;
}

/** One Web API request, independent of `node:http`. */
export interface ApiRequest {
  readonly method: string;
  readonly contentType: string | undefined;
  readonly authorization: string | undefined;
  readonly rawBody: string;
  readonly query: URLSearchParams;
}

/** What to send back. */
export interface ApiReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: JsonObject;
}

const answer = (body: JsonObject, status = 200, headers: Record<string, string> = {}): ApiReply => ({
  status,
  headers,
  body,
});

function decide(state: ApiState, request: ApiRequest, args: JsonObject, auth: Authentication): ApiReply {
  const handler = API_METHODS[request.method];
  if (handler === undefined) return answer({ ...failure('unknown_method'), req_method: request.method });
  if (!auth.ok) return answer(failure(auth.error));
  const rate = state.limiter.check(request.method, readString(args, 'channel'));
  if (rate.kind === 'fail') {
    const headers: Record<string, string> =
      rate.retryAfter === undefined ? {} : { 'Retry-After': String(rate.retryAfter) };
    return answer(failure(rate.error), rate.status, headers);
  }
  try {
    return answer(handler(args, state.context));
  } catch (error) {
    // A bug in the stand-in must be loud in tests, but still answer like Slack does.
    console.error(`slack stand-in: ${request.method} threw`, error);
    return answer(failure('fatal_error'));
  }
}

/**
 * Answers one `POST /api/<method>` as Slack does: HTTP 200 with `ok: true | false` for everything
 * except rate limits (HTTP 429, `Retry-After`, `error: 'ratelimited'`) and forced server errors.
 * Order: wait the injected latency → read the arguments → known method → authenticate → rate limit → run.
 * Every request is recorded in `calls`, token stripped from `args`.
 */
export async function handleApiRequest(state: ApiState, request: ApiRequest): Promise<ApiReply> {
  const at = state.context.clock();
  const delay = state.latency.get(request.method) ?? 0;
  if (delay > 0) await sleep(delay);
  const parsed = parseApiArgs(request.contentType, request.rawBody, request.query);
  const args: JsonObject = parsed.ok ? parsed.args : {};
  let auth: Authentication | undefined;
  let reply: ApiReply;
  if (parsed.ok) {
    auth = authenticate(request.authorization, args, parsed.kind, state.tokens);
    reply = decide(state, request, args, auth);
  } else reply = answer(failure(parsed.error));
  const { token: _token, ...recorded } = args;
  state.calls.push({
    method: request.method,
    args: recorded,
    at,
    status: reply.status,
    response: reply.body,
    ...(auth?.ok === true ? { token: auth.token } : {}),
  });
  return reply;
}
