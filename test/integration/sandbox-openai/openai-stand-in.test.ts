/**
 * The OpenAI stand-in, over real loopback HTTP: raw `fetch` for the wire format, and the real
 * `openai` client to prove its error mapping and parsing work against it.
 */
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAiStandIn, type OpenAiStandIn, presetResponders } from '../../../src/sandbox/openai/index.ts';

let standIn: OpenAiStandIn;
const T = 1_750_000_000_000;

beforeAll(async () => {
  standIn = await createOpenAiStandIn({ clock: () => T });
});
afterAll(() => standIn.close());
beforeEach(() => standIn.setResponder(presetResponders.review));

const client = (apiKey = standIn.apiKey) =>
  new OpenAI({ apiKey, baseURL: `${standIn.url}/v1`, maxRetries: 0, timeout: 2_000 });

async function post(body: unknown, auth: string | null = `Bearer ${standIn.apiKey}`) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth !== null) headers.authorization = auth;
  const res = await fetch(`${standIn.url}/v1/chat/completions`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, unknown> };
}

const diff = [
  'diff --git a/src/a.ts b/src/a.ts',
  '+++ b/src/a.ts',
  '@@ -1,2 +1,3 @@',
  ' x',
  '+// TODO: handle errors',
  ' y',
].join('\n');
const ask = { model: 'stand-in-reviewer', messages: [{ role: 'user', content: diff }] };

describe('chat completions', () => {
  it('answers with a real-shaped chat.completion object', async () => {
    const { status, json } = await post({ ...ask, temperature: 0 });
    expect(status).toBe(200);
    expect(json).toMatchObject({
      id: expect.stringMatching(/^chatcmpl-/),
      object: 'chat.completion',
      created: T / 1000,
      model: 'stand-in-reviewer',
      choices: [
        { index: 0, message: { role: 'assistant', content: expect.any(String), refusal: null }, finish_reason: 'stop' },
      ],
      usage: {
        prompt_tokens: expect.any(Number),
        completion_tokens: expect.any(Number),
        total_tokens: expect.any(Number),
      },
    });
  });

  it('the default model reviews the diff when asked for a review schema (a TODO on new line 2)', async () => {
    const completion = await client().chat.completions.create({
      ...(ask as { model: string; messages: { role: 'user'; content: string }[] }),
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'r',
          strict: true,
          schema: {
            type: 'object',
            additionalProperties: false,
            required: ['summary', 'comments'],
            properties: { summary: { type: 'string' }, comments: { type: 'array', items: {} } },
          },
        },
      },
    });
    const review = JSON.parse(completion.choices[0]?.message.content ?? '');
    expect(review.comments).toEqual([expect.objectContaining({ path: 'src/a.ts', line: 2, severity: 'low' })]);
  });

  it('a refusal has null content and the refusal text', async () => {
    standIn.setResponder(presetResponders.refusal);
    const { json } = await post(ask);
    expect(json.choices).toEqual([
      expect.objectContaining({ message: expect.objectContaining({ content: null, refusal: expect.any(String) }) }),
    ]);
  });

  it('GET /v1/models lists the models', async () => {
    const models = await client().models.list();
    expect(models.data.map((m) => m.id)).toEqual(standIn.models);
  });
});

describe('errors use OpenAI status codes and its envelope', () => {
  const schema = (s: object) => ({ type: 'json_schema', json_schema: { name: 'x', strict: true, schema: s } });
  type Row = [rule: string, body: unknown, status: number, error: Record<string, unknown>, auth?: string | null];
  it.each<Row>([
    ['fail by no Authorization header', ask, 401, { type: 'invalid_request_error', code: null }, null],
    ['fail by a wrong key', ask, 401, { code: 'invalid_api_key' }, 'Bearer sk-wrong'],
    ['fail by a body that is not JSON', '{"model":', 400, { param: null }],
    ['fail by no messages', { model: 'stand-in-reviewer', messages: [] }, 400, { param: 'messages' }],
    ['fail by temperature 3', { ...ask, temperature: 3 }, 400, { param: 'temperature' }],
    ['fail by an unknown model', { ...ask, model: 'gpt-9' }, 404, { code: 'model_not_found' }],
    [
      'fail by a strict schema without additionalProperties: false',
      { ...ask, response_format: schema({ type: 'object', properties: {} }) },
      400,
      { param: 'response_format', message: expect.stringMatching(/additionalProperties/) },
    ],
    [
      'fail by a response_format name with spaces',
      { ...ask, response_format: { type: 'json_schema', json_schema: { name: 'a b' } } },
      400,
      { type: 'invalid_request_error' },
    ],
    ['fail by streaming', { ...ask, stream: true }, 400, { param: 'stream' }],
  ])('%s', async (_rule, body, status, error, auth = `Bearer ${standIn.apiKey}`) => {
    const res = await post(body, auth);
    expect(res.status).toBe(status);
    expect(Object.keys(res.json)).toEqual(['error']);
    expect(Object.keys(res.json.error as object).sort()).toEqual(['code', 'message', 'param', 'type']);
    expect(res.json.error).toMatchObject(error);
  });

  it('429 carries retry-after and rate_limit_exceeded; the client maps it to RateLimitError', async () => {
    standIn.setResponder(presetResponders.rateLimited(7));
    const res = await post(ask);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.json).toEqual({
      error: {
        message: expect.stringMatching(/Rate limit/),
        type: 'requests',
        param: null,
        code: 'rate_limit_exceeded',
      },
    });
    await expect(client().chat.completions.create(ask as never)).rejects.toBeInstanceOf(OpenAI.RateLimitError);
  });

  it('the client maps 401 to AuthenticationError and an unknown path to NotFoundError', async () => {
    await expect(client('sk-wrong').models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    await expect(client().embeddings.create({ model: 'x', input: 'y' })).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });
});

describe('recording and misbehaviour', () => {
  it('records every request, its key and its status', async () => {
    const before = standIn.requests.length;
    await post(ask, 'Bearer nope');
    await post({ ...ask, temperature: 0 });
    const [denied, served] = standIn.requests.slice(before);
    expect(denied).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      authorization: 'Bearer nope',
      status: 401,
      chat: null,
    });
    expect(served).toMatchObject({
      status: 200,
      chat: { model: 'stand-in-reviewer', temperature: 0, hasTools: false },
    });
  });

  it('a hanging model times the client out, and close() does not wait for it', async () => {
    const own = await createOpenAiStandIn({ responder: presetResponders.hang });
    const openai = new OpenAI({ apiKey: own.apiKey, baseURL: `${own.url}/v1`, maxRetries: 0, timeout: 200 });
    await expect(openai.chat.completions.create(ask as never)).rejects.toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    const pending = fetch(`${own.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${own.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(ask),
    }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await own.close();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await pending).toBeInstanceOf(Error);
    expect(own.requests.at(-1)?.status).toBeNull();
  });

  it('a responder that throws is a 500 server_error', async () => {
    standIn.setResponder(() => {
      throw new Error('boom');
    });
    const res = await post(ask);
    expect(res.status).toBe(500);
    expect(res.json.error).toMatchObject({ type: 'server_error' });
  });
});
