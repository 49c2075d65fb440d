import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleRequest, type StandInState } from './handle-request.ts';
import type { OpenAiStandIn, OpenAiStandInOptions } from './openai-stand-in.ts';
import { reviewResponder } from './review-responder.ts';

/** The key the stand-in accepts unless told otherwise. Not a secret: it only opens the sandbox. */
export const STAND_IN_API_KEY = 'stand-in-key';
/** Model ids served unless told otherwise. */
export const STAND_IN_MODELS: readonly string[] = ['stand-in-reviewer', 'stand-in-scanner'];

/**
 * Starts an OpenAI-compatible API on 127.0.0.1 (never 0.0.0.0) on an ephemeral port:
 * `POST /v1/chat/completions` and `GET /v1/models` as OpenAI documents them, bearer-key
 * authentication, OpenAI's error envelope, and a pluggable deterministic "model". Every request is
 * recorded. Point the real `openai` client at it with `baseURL: standIn.url + '/v1'`. Sandbox only.
 */
export async function createOpenAiStandIn(options: OpenAiStandInOptions = {}): Promise<OpenAiStandIn> {
  const state: StandInState = {
    apiKey: options.apiKey ?? STAND_IN_API_KEY,
    models: options.models ?? STAND_IN_MODELS,
    clock: options.clock ?? Date.now,
    requests: [],
    responder: options.responder ?? reviewResponder,
    served: 0,
  };
  const server = createServer((req, res) => {
    handleRequest(state, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    apiKey: state.apiKey,
    models: state.models,
    requests: state.requests,
    chatRequests: () => state.requests.flatMap((r) => (r.chat === null ? [] : [r.chat])),
    setResponder: (responder) => {
      state.responder = responder;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A hanging "model" keeps its connection open; close() must not wait for it.
        server.closeAllConnections();
      }),
  };
}
