import { asObject, asString } from './read-block.ts';
import { renderMrkdwn, renderPlainText } from './render-mrkdwn.ts';
import type { WorkspaceNames } from './workspace-names.ts';

/** A text composition object (`plain_text` or `mrkdwn`) as HTML; anything else renders empty. */
export function renderTextObject(value: unknown, names: WorkspaceNames): string {
  const object = asObject(value);
  if (object === undefined) return '';
  const text = asString(object.text);
  return object.type === 'mrkdwn' ? renderMrkdwn(text, names) : renderPlainText(text, object.emoji !== false);
}
