import type { IncomingMessage, ServerResponse } from 'node:http';
import { invalidRequest, MISSING_KEY, openAiError, RATE_LIMITED, wrongKey } from './openai-error.ts';
import type { ChatRequest, ModelReply, RecordedRequest, Responder } from './openai-stand-in.ts';
import { parseChatRequest } from './parse-chat-request.ts';
import { readBody } from './read-body.ts';
import { sendJson } from './send-json.ts';
import { toChatCompletion } from './to-chat-completion.ts';

/** What the handler shares with the stand-in's owner. */
export interface StandInState {
  readonly apiKey: string;
  readonly models: readonly string[];
  readonly clock: () => number;
  readonly requests: RecordedRequest[];
  responder: Responder;
  served: number;
}

type Answer = (status: number, body: unknown, headers?: Record<string, string>) => void;

/** Serves one HTTP request: authentication, then `GET /v1/models` or `POST /v1/chat/completions`. */
export async function handleRequest(state: StandInState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const authorization = req.headers.authorization ?? null;
  const record: RecordedRequest = {
    method: req.method ?? 'GET',
    path,
    authorization,
    body: null,
    chat: null,
    status: null,
  };
  state.requests.push(record);
  const answer: Answer = (status, body, headers) => {
    record.status = status;
    sendJson(res, status, body, headers);
  };
  const text = await readBody(req);
  if (text === null) return answer(413, invalidRequest('Request body too large.', null));
  record.body = parseJson(text);
  const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  if (token === undefined) return answer(401, MISSING_KEY);
  if (token !== state.apiKey) return answer(401, wrongKey(token));
  if (record.method === 'GET' && path === '/v1/models') return answer(200, modelList(state));
  if (record.method === 'POST' && path === '/v1/chat/completions') return chat(state, record, answer);
  return answer(404, invalidRequest(`Invalid URL (${record.method} ${path})`, null));
}

async function chat(state: StandInState, record: RecordedRequest, answer: Answer): Promise<void> {
  if (record.body === null) {
    const message = 'We could not parse the JSON body of your request. The OpenAI API expects a JSON payload.';
    return answer(400, invalidRequest(message, null));
  }
  const parsed = parseChatRequest(record.body);
  if (!parsed.ok) return answer(400, invalidRequest(parsed.problem.message, parsed.problem.param));
  record.chat = parsed.request;
  if (!state.models.includes(parsed.request.model)) {
    const message = `The model \`${parsed.request.model}\` does not exist or you do not have access to it.`;
    return answer(404, openAiError(message, 'invalid_request_error', null, 'model_not_found'));
  }
  let reply: ModelReply;
  try {
    reply = await state.responder(parsed.request);
  } catch {
    return answer(
      500,
      openAiError('The server had an error while processing your request.', 'server_error', null, null),
    );
  }
  sendReply(state, parsed.request, reply, answer);
}

function sendReply(state: StandInState, request: ChatRequest, reply: ModelReply, answer: Answer): void {
  if (reply === 'hang') return; // the connection stays open until the client gives up or close()
  if (typeof reply === 'string' || 'refusal' in reply) {
    state.served += 1;
    const turn = typeof reply === 'string' ? { content: reply } : reply;
    return answer(200, toChatCompletion(request, turn, state.served, state.clock()));
  }
  const retry = reply.status === 429 ? { 'retry-after': String(reply.retryAfterSeconds ?? 1) } : undefined;
  const error = reply.status === 429 && reply.error.message === '' ? RATE_LIMITED.error : reply.error;
  answer(reply.status, { error }, retry);
}

function modelList(state: StandInState): object {
  const created = Math.floor(state.clock() / 1000);
  return { object: 'list', data: state.models.map((id) => ({ id, object: 'model', created, owned_by: 'shiplock' })) };
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
