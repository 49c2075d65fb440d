import { type ApiReply, invalidRequest } from './github-reply.ts';
import { readObject, readString } from './read-field.ts';
import type { JsonObject, StoredCheckRun } from './types.ts';

const STATUSES = new Set(['queued', 'in_progress', 'completed', 'waiting', 'requested', 'pending']);
const CONCLUSIONS = new Set([
  'action_required',
  'cancelled',
  'failure',
  'neutral',
  'success',
  'skipped',
  'stale',
  'timed_out',
]);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function applyOutput(run: Mutable<StoredCheckRun>, output: JsonObject, docs: string): ApiReply | undefined {
  const title = output.title;
  const summary = output.summary;
  if (typeof title !== 'string' || typeof summary !== 'string') {
    return invalidRequest(docs, 'Invalid request.\n\n"title", "summary" weren\'t supplied.');
  }
  // GitHub caps `output.summary` and `output.text` at 65,535 characters.
  if (summary.length > 65_535) return invalidRequest(docs, 'Invalid request.\n\nsummary is too long.');
  const text = typeof output.text === 'string' ? output.text : run.output.text;
  run.output = { title, summary, text };
  return undefined;
}

/**
 * Applies the writable fields of a create or update body as GitHub does: a `conclusion` completes
 * the run, `completed` needs a `conclusion`, unknown values are a 422.
 */
export function applyCheckRunFields(
  run: Mutable<StoredCheckRun>,
  body: JsonObject,
  now: number,
  docs: string,
): ApiReply | undefined {
  const status = readString(body, 'status');
  const conclusion = readString(body, 'conclusion');
  if (status !== undefined && !STATUSES.has(status))
    return invalidRequest(
      docs,
      `Invalid request.\n\n${status} is not a member of ["queued", "in_progress", "completed"].`,
    );
  if (conclusion !== undefined && !CONCLUSIONS.has(conclusion))
    return invalidRequest(docs, `Invalid request.\n\n${conclusion} is not a valid conclusion.`);
  if (status === 'completed' && conclusion === undefined && run.conclusion === null) {
    return invalidRequest(docs, 'Invalid request.\n\nNo subschema in "anyOf" matched. "conclusion" wasn\'t supplied.');
  }
  const output = readObject(body, 'output');
  if (output !== undefined) {
    const problem = applyOutput(run, output, docs);
    if (problem !== undefined) return problem;
  }
  if (status !== undefined) run.status = status;
  if (conclusion !== undefined) {
    run.conclusion = conclusion;
    run.status = 'completed';
  }
  if (run.status === 'completed' && run.completedAt === null) run.completedAt = now;
  const externalId = readString(body, 'external_id');
  if (externalId !== undefined) run.externalId = externalId;
  const detailsUrl = readString(body, 'details_url');
  if (detailsUrl !== undefined) run.detailsUrl = detailsUrl;
  return undefined;
}
