/**
 * Slack's Block Kit limits as a checker, standalone on purpose: it imports only its two sibling
 * files and nothing else of shiplock, so the local Slack stand-in (issue 3) can run it on every call
 * it receives, the way Slack would answer `invalid_blocks` — no public stand-in enforces these.
 */
import { SLACK_LIMITS, type Surface, type Violation } from './slack-limits.ts';
import { checkElement, checkText, isObject, type Json, max, optionalString } from './validate-element.ts';

export { SLACK_LIMITS, type Surface, type Violation } from './slack-limits.ts';

/**
 * Every Block Kit limit `payload` breaks on `surface`; empty when Slack would accept it. For a
 * message pass `{ text, blocks }`; for a modal or Home tab pass the view (`title`, `submit`,
 * `close`, `private_metadata`, `callback_id`, `blocks`). Accepts any value and never throws.
 */
export function validateMessage(payload: unknown, surface: Surface): readonly Violation[] {
  const out: Violation[] = [];
  if (!isObject(payload)) return [{ path: '$', rule: 'type', limit: 0, actual: 0 }];
  if (surface === 'message') checkMessageText(payload, out);
  else checkView(payload, surface, out);
  const blocks = payload.blocks;
  if (blocks === undefined && surface === 'message') return out;
  if (!Array.isArray(blocks)) return [...out, { path: 'blocks', rule: 'type', limit: 0, actual: 0 }];
  const maxBlocks = surface === 'message' ? SLACK_LIMITS.messageBlocks : SLACK_LIMITS.viewBlocks;
  max(out, 'blocks', blocks.length, maxBlocks, 'max_items');
  if (surface === 'message') max(out, 'blocks', safeJsonLength(blocks), SLACK_LIMITS.blocksJson, 'max_length');
  const blockIds = new Set<string>();
  for (const [i, block] of blocks.entries()) checkBlock(block, `blocks[${i}]`, blockIds, out);
  return out;
}

function checkMessageText(payload: Json, out: Violation[]): void {
  const text = payload.text;
  if (typeof text !== 'string' || text.length === 0) {
    // shiplock always sends a fallback `text` with blocks: notifications and screen readers use it.
    out.push({ path: 'text', rule: 'required', limit: 1, actual: 0 });
    return;
  }
  max(out, 'text', text.length, SLACK_LIMITS.messageText);
}

function checkView(view: Json, surface: Surface, out: Violation[]): void {
  if (surface === 'modal') {
    if (view.title === undefined) out.push({ path: 'title', rule: 'required', limit: 1, actual: 0 });
    for (const key of ['title', 'submit', 'close']) {
      if (view[key] !== undefined) checkText(view[key], key, SLACK_LIMITS.viewTitle, out, 'plain_text');
    }
  }
  optionalString(view, 'private_metadata', SLACK_LIMITS.privateMetadata, out);
  optionalString(view, 'callback_id', SLACK_LIMITS.id, out);
}

function checkBlock(block: unknown, path: string, blockIds: Set<string>, out: Violation[]): void {
  if (!isObject(block) || typeof block.type !== 'string') {
    out.push({ path, rule: 'type', limit: 0, actual: 0 });
    return;
  }
  const id = block.block_id;
  if (id !== undefined) {
    if (typeof id !== 'string') out.push({ path: `${path}.block_id`, rule: 'type', limit: 0, actual: 0 });
    else {
      max(out, `${path}.block_id`, id.length, SLACK_LIMITS.id);
      if (blockIds.has(id)) out.push({ path: `${path}.block_id`, rule: 'duplicate', limit: 1, actual: 2 });
      blockIds.add(id);
    }
  }
  switch (block.type) {
    case 'section':
      return checkSection(block, path, out);
    case 'header':
      return checkText(block.text, `${path}.text`, SLACK_LIMITS.headerText, out, 'plain_text');
    case 'context':
      return checkContext(block, path, out);
    case 'actions':
      return checkActions(block, path, out);
    case 'input':
      return checkInput(block, path, out);
    default:
      return;
  }
}

function checkSection(block: Json, path: string, out: Violation[]): void {
  const { text, fields, accessory } = block;
  if (text === undefined && fields === undefined) out.push({ path, rule: 'required', limit: 1, actual: 0 });
  if (text !== undefined) checkText(text, `${path}.text`, SLACK_LIMITS.sectionText, out);
  if (fields !== undefined) {
    if (!Array.isArray(fields)) out.push({ path: `${path}.fields`, rule: 'type', limit: 0, actual: 0 });
    else {
      max(out, `${path}.fields`, fields.length, SLACK_LIMITS.fields, 'max_items');
      for (const [i, f] of fields.entries()) checkText(f, `${path}.fields[${i}]`, SLACK_LIMITS.fieldText, out);
    }
  }
  if (accessory !== undefined) checkElement(accessory, `${path}.accessory`, out);
}

function checkContext(block: Json, path: string, out: Violation[]): void {
  const elements = block.elements;
  if (!Array.isArray(elements)) return void out.push({ path: `${path}.elements`, rule: 'type', limit: 0, actual: 0 });
  max(out, `${path}.elements`, elements.length, SLACK_LIMITS.contextElements, 'max_items');
  elements.forEach((e, i) => {
    if (isObject(e) && (e.type === 'mrkdwn' || e.type === 'plain_text')) {
      checkText(e, `${path}.elements[${i}]`, SLACK_LIMITS.textObject, out);
    }
  });
}

function checkActions(block: Json, path: string, out: Violation[]): void {
  const elements = block.elements;
  if (!Array.isArray(elements)) return void out.push({ path: `${path}.elements`, rule: 'type', limit: 0, actual: 0 });
  max(out, `${path}.elements`, elements.length, SLACK_LIMITS.actionsElements, 'max_items');
  const actionIds = new Set<string>();
  elements.forEach((e, i) => {
    const at = `${path}.elements[${i}]`;
    checkElement(e, at, out);
    if (isObject(e) && typeof e.action_id === 'string') {
      if (actionIds.has(e.action_id)) out.push({ path: `${at}.action_id`, rule: 'duplicate', limit: 1, actual: 2 });
      actionIds.add(e.action_id);
    }
  });
}

function checkInput(block: Json, path: string, out: Violation[]): void {
  checkText(block.label, `${path}.label`, SLACK_LIMITS.inputLabel, out, 'plain_text');
  if (block.hint !== undefined) checkText(block.hint, `${path}.hint`, SLACK_LIMITS.inputLabel, out, 'plain_text');
  checkElement(block.element, `${path}.element`, out);
}

function safeJsonLength(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** One violation as a readable line, `blocks[3].text.text: max_length 3000, got 3050` (for logs and the stand-in). */
export function formatViolation(v: Violation): string {
  return `${v.path}: ${v.rule} ${v.limit}, got ${v.actual}`;
}
