import * as z from 'zod';
import { findStrictSchemaProblem } from './find-strict-schema-problem.ts';
import type { ChatMessage, ChatRequest, ResponseFormat } from './openai-stand-in.ts';

const contentPart = z.looseObject({ type: z.string(), text: z.string().optional() });
const message = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
  content: z.union([z.string(), z.array(contentPart), z.null()]).optional(),
  name: z.string().optional(),
});
const responseFormat = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text') }),
  z.object({ type: z.literal('json_object') }),
  z.object({
    type: z.literal('json_schema'),
    json_schema: z.object({
      // https://platform.openai.com/docs/api-reference/chat/create#chat-create-response_format
      name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
      description: z.string().optional(),
      schema: z.record(z.string(), z.unknown()).optional(),
      strict: z.boolean().nullable().optional(),
    }),
  }),
]);
const body = z.looseObject({
  model: z.string().min(1),
  messages: z.array(message).min(1),
  temperature: z.number().min(0).max(2).nullable().optional(),
  response_format: responseFormat.optional(),
  stream: z.boolean().nullable().optional(),
  tools: z.array(z.unknown()).optional(),
  functions: z.array(z.unknown()).optional(),
});

/** Why a body is not a valid request, worded like OpenAI's 400s. */
export interface RequestProblem {
  readonly message: string;
  readonly param: string | null;
}

/**
 * Validates an untrusted `POST /v1/chat/completions` body: `model`, `messages`, `temperature`
 * (0–2), `response_format` (a strict `json_schema` must be in the subset strict mode accepts).
 * Streaming is refused: shiplock never streams, so the stand-in does not implement it.
 */
export function parseChatRequest(
  raw: unknown,
): { ok: true; request: ChatRequest } | { ok: false; problem: RequestProblem } {
  const parsed = body.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue === undefined || issue.path.length === 0 ? null : issue.path.map(String).join('.');
    return {
      ok: false,
      problem: { message: `Invalid request: ${issue?.message ?? 'bad body'} at '${param ?? ''}'.`, param },
    };
  }
  const b = parsed.data;
  if (b.stream === true)
    return { ok: false, problem: { message: 'stream is not supported by the stand-in.', param: 'stream' } };
  const format = toResponseFormat(b.response_format);
  if (format?.type === 'json_schema' && format.jsonSchema.strict) {
    const problem = findStrictSchemaProblem(format.jsonSchema.schema);
    if (problem !== null) {
      const text = `Invalid schema for response_format '${format.jsonSchema.name}': ${problem}`;
      return { ok: false, problem: { message: text, param: 'response_format' } };
    }
  }
  const request: ChatRequest = {
    model: b.model,
    messages: b.messages.map(toMessage),
    temperature: b.temperature ?? null,
    responseFormat: format,
    hasTools: (b.tools?.length ?? 0) > 0 || (b.functions?.length ?? 0) > 0,
    body: raw as Record<string, unknown>,
  };
  return { ok: true, request };
}

function toMessage(m: z.infer<typeof message>): ChatMessage {
  const content = m.content ?? '';
  const text = typeof content === 'string' ? content : content.map((part) => part.text ?? '').join('');
  return { role: m.role, content: text };
}

function toResponseFormat(format: z.infer<typeof responseFormat> | undefined): ResponseFormat | null {
  if (format === undefined) return null;
  if (format.type !== 'json_schema') return { type: format.type };
  const { name, schema, strict } = format.json_schema;
  return { type: 'json_schema', jsonSchema: { name, schema: schema ?? {}, strict: strict === true } };
}
