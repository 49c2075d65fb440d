import { checkBlockLimits } from './check-block-limits.ts';
import { formatProblem } from './format-problem.ts';
import type { BlocksValidator } from './types.ts';

/** View limits (https://docs.slack.dev/reference/views): title, submit and close 24; metadata 3,000. */
export const VIEW_LIMITS = {
  title: 24,
  button: 24,
  privateMetadata: 3000,
  callbackId: 255,
  externalId: 255,
} as const;

const at = (pointer: string): string => `[json-pointer:${pointer}]`;

function checkPlainText(value: unknown, max: number, pointer: string, problems: string[]): void {
  if (typeof value !== 'object' || value === null) {
    problems.push(`must provide an object ${at(pointer)}`);
    return;
  }
  const { type, text } = value as { type?: unknown; text?: unknown };
  if (type !== 'plain_text') problems.push(`must be plain_text ${at(`${pointer}/type`)}`);
  if (typeof text !== 'string' || text.length === 0)
    problems.push(`must be more than 0 characters ${at(`${pointer}/text`)}`);
  else if (text.length > max) problems.push(`must be less than ${max + 1} characters ${at(`${pointer}/text`)}`);
}

function checkString(value: unknown, max: number, pointer: string, problems: string[]): void {
  if (value === undefined) return;
  if (typeof value !== 'string') problems.push(`must be a string ${at(pointer)}`);
  else if (value.length > max) problems.push(`must be less than ${max + 1} characters ${at(pointer)}`);
}

/**
 * Checks a `view` argument for `views.open` / `views.update` (modal) or `views.publish` (home), plus
 * its blocks with the built-in limits and the injected validator. Problems are worded like the
 * `response_metadata.messages` Slack returns with `invalid_arguments`
 * (fixture `slack-web.failed_view_publish.json`).
 */
export function checkView(view: unknown, surface: 'modal' | 'home', validate: BlocksValidator | undefined): string[] {
  if (typeof view !== 'object' || view === null || Array.isArray(view)) {
    return [`must provide an object ${at('/view')}`];
  }
  const fields = view as Record<string, unknown>;
  const problems: string[] = [];
  if (fields.type !== surface) problems.push(`must be ${surface} ${at('/view/type')}`);
  if (surface === 'modal') {
    checkPlainText(fields.title, VIEW_LIMITS.title, '/view/title', problems);
    if (fields.submit !== undefined) checkPlainText(fields.submit, VIEW_LIMITS.button, '/view/submit', problems);
    if (fields.close !== undefined) checkPlainText(fields.close, VIEW_LIMITS.button, '/view/close', problems);
    const hasInput =
      Array.isArray(fields.blocks) &&
      fields.blocks.some((block) => (block as { type?: unknown } | null)?.type === 'input');
    if (hasInput && fields.submit === undefined) problems.push(`missing required field: submit ${at('/view')}`);
  }
  checkString(fields.private_metadata, VIEW_LIMITS.privateMetadata, '/view/private_metadata', problems);
  checkString(fields.callback_id, VIEW_LIMITS.callbackId, '/view/callback_id', problems);
  checkString(fields.external_id, VIEW_LIMITS.externalId, '/view/external_id', problems);
  if (fields.blocks === undefined) {
    problems.push(`missing required field: blocks ${at('/view')}`);
    return problems;
  }
  problems.push(...checkBlockLimits(fields.blocks, surface, '/view/blocks'));
  if (validate !== undefined) problems.push(...validate(fields, surface).map(formatProblem));
  return problems;
}
