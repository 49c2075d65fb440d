import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiContext } from './api-context.ts';
import { authenticate, type Caller } from './authenticate.ts';
import type { Failures } from './create-failures.ts';
import type { GitHubState } from './create-github-state.ts';
import { type ApiReply, notFound } from './github-reply.ts';
import { matchRoute } from './match-route.ts';
import { type RateWindow, toApiRate } from './rate-limit-route.ts';
import type { Route } from './route-request.ts';
import type { Json, JsonObject, RecordedCall } from './types.ts';

/** What the transport needs. */
export interface ListenerState {
  readonly state: GitHubState;
  readonly context: () => ApiContext;
  readonly routes: readonly Route[];
  readonly tokens: ReadonlyMap<string, Caller>;
  readonly failures: Failures;
  readonly windowOf: (token: string) => RateWindow;
  readonly calls: RecordedCall[];
}

const BODY_LIMIT_BYTES = 1024 * 1024;
const PRIMARY_DOCS =
  'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-primary-rate-limits';

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT_BYTES) throw new Error('github stand-in: request body over 1 MiB');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(raw: string): JsonObject | undefined {
  if (raw.trim() === '') return {};
  try {
    const value = JSON.parse(raw) as Json;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
  } catch {
    return undefined;
  }
}

/** Counts the call against the token's primary limit; the 403 GitHub gives once it is spent. */
function spend(listener: ListenerState, caller: Caller, route: Route): ApiReply | undefined {
  if (route.path === '/rate_limit') return undefined; // GitHub does not count this endpoint.
  const window = listener.windowOf(caller.token);
  if (window.used >= window.limit) {
    const message = `API rate limit exceeded for user ID ${listener.context().userId(caller.login)}.`;
    return { status: 403, body: { message, documentation_url: PRIMARY_DOCS } };
  }
  window.used += 1;
  return undefined;
}

interface Answer {
  readonly route: string;
  readonly caller: Caller | undefined;
  readonly reply: ApiReply;
}

async function answer(listener: ListenerState, request: IncomingMessage, url: URL, raw: string): Promise<Answer> {
  const method = request.method ?? 'GET';
  const caller = authenticate(request.headers.authorization, listener.tokens);
  const match = matchRoute(listener.routes, method, url.pathname);
  const route = match?.route.path ?? url.pathname;
  if (!('token' in caller)) return { route, caller: undefined, reply: caller };
  if (match === undefined) return { route, caller, reply: notFound() };
  const forced = listener.failures.take(method, route, url.pathname) ?? spend(listener, caller, match.route);
  if (forced !== undefined) return { route, caller, reply: forced };
  const body = parseJson(raw);
  if (body === undefined) {
    return {
      route,
      caller,
      reply: { status: 400, body: { message: 'Problems parsing JSON', documentation_url: match.route.docs } },
    };
  }
  const { owner = '', repo = '' } = match.params;
  const reply = match.route.handle({
    state: listener.state,
    context: listener.context(),
    params: match.params,
    url,
    body,
    accept: request.headers.accept ?? 'application/vnd.github+json',
    token: caller,
    fullName: `${owner}/${repo}`,
    docs: match.route.docs,
  });
  return { route, caller, reply };
}

function commonHeaders(listener: ListenerState, caller: Caller | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    'x-github-api-version-selected': '2022-11-28',
    'x-github-media-type': 'github.v3; format=json',
    'x-github-request-id': randomUUID().toUpperCase(),
  };
  if (caller === undefined) return headers;
  const rate = toApiRate(listener.windowOf(caller.token));
  return {
    ...headers,
    'x-ratelimit-limit': String(rate.limit),
    'x-ratelimit-remaining': String(rate.remaining),
    'x-ratelimit-reset': String(rate.reset),
    'x-ratelimit-used': String(rate.used),
    'x-ratelimit-resource': 'core',
  };
}

async function serve(listener: ListenerState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', listener.context().apiBase);
  const raw = await readBody(request);
  const { route, caller, reply } = await answer(listener, request, url, raw);
  const headers = { ...commonHeaders(listener, caller), ...reply.headers };
  const text = reply.text;
  headers['content-type'] = text?.contentType ?? 'application/json; charset=utf-8';
  response.writeHead(reply.status, headers);
  response.end(text?.content ?? (reply.body === undefined ? '' : JSON.stringify(reply.body)));
  listener.calls.push({
    method: request.method ?? 'GET',
    route,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    accept: request.headers.accept ?? '',
    requestBody: parseJson(raw),
    status: reply.status,
    headers,
    responseBody: text?.content ?? reply.body,
  });
}

/** The stand-in's HTTP transport: auth, forced failures, the primary rate limit, routing, recording. */
export function createRequestListener(
  listener: ListenerState,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    serve(listener, request, response).catch((error: unknown) => {
      console.error('github stand-in: request failed', error);
      if (response.headersSent) response.destroy();
      else {
        response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify({ message: 'Server Error' }));
      }
    });
  };
}
