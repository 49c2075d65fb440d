import * as z from 'zod';
import { checkRunPayload, checkSuitePayload, pullRequestPayload } from './webhook-payload-schemas.ts';

/** Which keys of a payload are kept: `true` keeps the value whole, a nested shape keeps some of it. */
type Shape = { readonly [key: string]: true | Shape };

/** The keys a zod object schema reads, nested objects included: the shape stays in step with it. */
function shapeOf(schema: z.ZodObject): Shape {
  const shape: Record<string, true | Shape> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    shape[key] = field instanceof z.ZodObject ? shapeOf(field) : true;
  }
  return shape;
}

const SHAPES: Readonly<Record<string, Shape>> = {
  pull_request: shapeOf(pullRequestPayload),
  check_run: shapeOf(checkRunPayload),
  check_suite: shapeOf(checkSuitePayload),
};
/** Events shiplock does not act on keep their `action`, for operators reading the inbox. */
const OTHER: Shape = { action: true };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function pick(value: Record<string, unknown>, shape: Shape): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(shape)) {
    if (!Object.hasOwn(value, key)) continue;
    const field = value[key];
    // A field of the wrong type is kept as it came, so the processor refuses it for the same reason.
    kept[key] = inner === true || !isRecord(field) ? field : pick(field, inner);
  }
  return kept;
}

/**
 * What the inbox stores of a verified delivery: the JSON of the payload's fields that shiplock reads
 * (the schemas in webhook-payload-schemas.ts), not the whole 20–30 KB GitHub sends. Storing the
 * whole payload cost more CPU than verifying and answering the request (issue 8's ingest benchmark),
 * and it kept PR descriptions, user records and URLs shiplock never reads. The processor parses the
 * projection exactly as it would the whole payload: same intent, same refusal reason (tested over
 * every recorded example and random payloads). A payload that is not a JSON object is kept whole.
 */
export function projectWebhookPayload(event: string, payload: unknown, body: string): string {
  if (!isRecord(payload)) return body;
  return JSON.stringify(pick(payload, SHAPES[event] ?? OTHER));
}
