import { SLACK_LIMITS, type Violation } from './slack-limits.ts';

/** A JSON object as the validator sees it. */
export type Json = Record<string, unknown>;

/** Checks one interactive element (button, plain-text input…) and its confirm dialog. */
export function checkElement(element: unknown, path: string, out: Violation[]): void {
  if (!isObject(element) || typeof element.type !== 'string') {
    return void out.push({ path, rule: 'type', limit: 0, actual: 0 });
  }
  optionalString(element, 'action_id', SLACK_LIMITS.id, out, path);
  if (element.type === 'button') {
    checkText(element.text, `${path}.text`, SLACK_LIMITS.buttonText, out, 'plain_text');
    optionalString(element, 'value', SLACK_LIMITS.buttonValue, out, path);
    optionalString(element, 'url', SLACK_LIMITS.buttonUrl, out, path);
  }
  if (element.type === 'plain_text_input') {
    if (element.placeholder !== undefined) {
      checkText(element.placeholder, `${path}.placeholder`, SLACK_LIMITS.placeholder, out, 'plain_text');
    }
    optionalString(element, 'initial_value', SLACK_LIMITS.inputLength, out, path);
    for (const key of ['min_length', 'max_length']) {
      const n = element[key];
      if (typeof n === 'number') max(out, `${path}.${key}`, n, SLACK_LIMITS.inputLength);
    }
  }
  if (element.confirm !== undefined) checkConfirm(element.confirm, `${path}.confirm`, out);
}

function checkConfirm(confirm: unknown, path: string, out: Violation[]): void {
  if (!isObject(confirm)) return void out.push({ path, rule: 'type', limit: 0, actual: 0 });
  if (confirm.title !== undefined)
    checkText(confirm.title, `${path}.title`, SLACK_LIMITS.confirmTitle, out, 'plain_text');
  checkText(confirm.text, `${path}.text`, SLACK_LIMITS.confirmText, out);
  for (const key of ['confirm', 'deny']) {
    if (confirm[key] !== undefined)
      checkText(confirm[key], `${path}.${key}`, SLACK_LIMITS.confirmButton, out, 'plain_text');
  }
}

/** A text object: right type, non-empty (Slack rejects empty text), within `limit`. */
export function checkText(value: unknown, path: string, limit: number, out: Violation[], only?: 'plain_text'): void {
  const okType = isObject(value) && (value.type === 'plain_text' || (only === undefined && value.type === 'mrkdwn'));
  if (!okType || typeof value.text !== 'string') return void out.push({ path, rule: 'type', limit: 0, actual: 0 });
  if (value.text.length === 0) out.push({ path: `${path}.text`, rule: 'min_length', limit: 1, actual: 0 });
  max(out, `${path}.text`, value.text.length, limit);
}

/** An optional string property within `limit`. */
export function optionalString(obj: Json, key: string, limit: number, out: Violation[], at?: string): void {
  const value = obj[key];
  const path = at === undefined ? key : `${at}.${key}`;
  if (value === undefined) return;
  if (typeof value !== 'string') return void out.push({ path, rule: 'type', limit: 0, actual: 0 });
  max(out, path, value.length, limit);
}

/** Records a violation when `actual` exceeds `limit`. */
export function max(
  out: Violation[],
  path: string,
  actual: number,
  limit: number,
  rule: Violation['rule'] = 'max_length',
): void {
  if (actual > limit) out.push({ path, rule, limit, actual });
}

/** A JSON object (not null, not an array). */
export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
