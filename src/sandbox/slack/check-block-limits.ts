import type { BlockSurface } from './types.ts';

/**
 * Block Kit's hard limits (https://docs.slack.dev/reference/block-kit/blocks; the same constants are in
 * python-slack-sdk `slack_sdk/models/blocks/*.py`). `blocksJson` is where `chat.postMessage` starts
 * answering `msg_blocks_too_long` (about 13 k characters, bolt-js #2509); `messageText` is the 40,000
 * characters past which Slack truncates or refuses text.
 */
export const BLOCK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  blockId: 255,
  actionId: 255,
  sectionText: 3000,
  sectionFields: 10,
  sectionField: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  inputLabel: 2000,
  blocksJson: 13_000,
  messageText: 40_000,
} as const;

const KNOWN_BLOCK_TYPES = new Set([
  'actions',
  'context',
  'divider',
  'file',
  'header',
  'image',
  'input',
  'markdown',
  'rich_text',
  'section',
  'table',
  'video',
]);

type Problems = string[];

const at = (pointer: string): string => `[json-pointer:${pointer}]`;
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks a string field's length, the way Slack words it ("must be less than 76 characters"). */
function checkLength(value: unknown, max: number, pointer: string, problems: Problems): void {
  if (value === undefined) return;
  if (typeof value !== 'string') problems.push(`must be a string ${at(pointer)}`);
  else if (value.length > max) problems.push(`must be less than ${max + 1} characters ${at(pointer)}`);
}

/** Checks a text object (`{type: 'plain_text' | 'mrkdwn', text}`) and its length. */
function checkText(value: unknown, max: number, pointer: string, problems: Problems, plainOnly = false): void {
  if (!isObject(value)) {
    problems.push(`must provide an object ${at(pointer)}`);
    return;
  }
  const allowed = plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
  if (typeof value.type !== 'string' || !allowed.includes(value.type)) {
    problems.push(`must be one of ${allowed.join(', ')} ${at(`${pointer}/type`)}`);
  }
  if (typeof value.text !== 'string' || value.text.length === 0) {
    problems.push(`must be more than 0 characters ${at(`${pointer}/text`)}`);
  } else checkLength(value.text, max, `${pointer}/text`, problems);
}

/** Checks a confirmation dialog's four texts. */
function checkConfirm(value: unknown, pointer: string, problems: Problems): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    problems.push(`must provide an object ${at(pointer)}`);
    return;
  }
  checkText(value.title, BLOCK_LIMITS.confirmTitle, `${pointer}/title`, problems, true);
  checkText(value.text, BLOCK_LIMITS.confirmText, `${pointer}/text`, problems);
  checkText(value.confirm, BLOCK_LIMITS.confirmButton, `${pointer}/confirm`, problems, true);
  checkText(value.deny, BLOCK_LIMITS.confirmButton, `${pointer}/deny`, problems, true);
}

/** Checks an interactive element (button, select, input…); buttons get their own limits. */
function checkElement(element: unknown, pointer: string, problems: Problems): void {
  if (!isObject(element) || typeof element.type !== 'string') {
    problems.push(`missing required field: type ${at(pointer)}`);
    return;
  }
  checkLength(element.action_id, BLOCK_LIMITS.actionId, `${pointer}/action_id`, problems);
  checkConfirm(element.confirm, `${pointer}/confirm`, problems);
  if (element.type !== 'button') return;
  checkText(element.text, BLOCK_LIMITS.buttonText, `${pointer}/text`, problems, true);
  checkLength(element.value, BLOCK_LIMITS.buttonValue, `${pointer}/value`, problems);
  checkLength(element.url, BLOCK_LIMITS.buttonUrl, `${pointer}/url`, problems);
  if (element.style !== undefined && element.style !== 'primary' && element.style !== 'danger') {
    problems.push(`must be one of primary, danger ${at(`${pointer}/style`)}`);
  }
}

/** Checks a list's size, the way Slack words it ("must be less than 51 items"). */
function checkCount(list: unknown, max: number, pointer: string, problems: Problems): list is unknown[] {
  if (!Array.isArray(list)) {
    problems.push(`must provide an array ${at(pointer)}`);
    return false;
  }
  if (list.length > max) problems.push(`must be less than ${max + 1} items ${at(pointer)}`);
  return true;
}

function checkSection(block: Record<string, unknown>, pointer: string, problems: Problems): void {
  if (block.text === undefined && block.fields === undefined) {
    problems.push(`must provide either text or fields ${at(pointer)}`);
  }
  if (block.text !== undefined) checkText(block.text, BLOCK_LIMITS.sectionText, `${pointer}/text`, problems);
  if (
    block.fields !== undefined &&
    checkCount(block.fields, BLOCK_LIMITS.sectionFields, `${pointer}/fields`, problems)
  ) {
    block.fields.forEach((field, index) => {
      checkText(field, BLOCK_LIMITS.sectionField, `${pointer}/fields/${index}`, problems);
    });
  }
  if (block.accessory !== undefined) checkElement(block.accessory, `${pointer}/accessory`, problems);
}

function checkActions(block: Record<string, unknown>, pointer: string, problems: Problems): void {
  if (!checkCount(block.elements, BLOCK_LIMITS.actionsElements, `${pointer}/elements`, problems)) return;
  const seen = new Set<unknown>();
  block.elements.forEach((element, index) => {
    checkElement(element, `${pointer}/elements/${index}`, problems);
    const actionId = isObject(element) ? element.action_id : undefined;
    if (actionId !== undefined && seen.has(actionId)) {
      problems.push(`duplicate action_id ${at(`${pointer}/elements/${index}/action_id`)}`);
    }
    seen.add(actionId);
  });
}

function checkBlock(block: unknown, pointer: string, problems: Problems): void {
  if (!isObject(block) || typeof block.type !== 'string') {
    problems.push(`missing required field: type ${at(pointer)}`);
    return;
  }
  checkLength(block.block_id, BLOCK_LIMITS.blockId, `${pointer}/block_id`, problems);
  if (!KNOWN_BLOCK_TYPES.has(block.type)) problems.push(`unsupported type: ${block.type} ${at(`${pointer}/type`)}`);
  else if (block.type === 'section') checkSection(block, pointer, problems);
  else if (block.type === 'header') checkText(block.text, BLOCK_LIMITS.headerText, `${pointer}/text`, problems, true);
  else if (block.type === 'context')
    checkCount(block.elements, BLOCK_LIMITS.contextElements, `${pointer}/elements`, problems);
  else if (block.type === 'actions') checkActions(block, pointer, problems);
  else if (block.type === 'input') {
    checkText(block.label, BLOCK_LIMITS.inputLabel, `${pointer}/label`, problems, true);
    checkElement(block.element, `${pointer}/element`, problems);
  }
}

/**
 * The stand-in's own minimal check of Block Kit's hard limits, worded like the `[ERROR] …` messages
 * Slack returns in `response_metadata.messages`. Not a full schema: unknown fields pass.
 */
export function checkBlockLimits(blocks: unknown, surface: BlockSurface, pointer = '/blocks'): string[] {
  const problems: Problems = [];
  const max = surface === 'message' ? BLOCK_LIMITS.messageBlocks : BLOCK_LIMITS.viewBlocks;
  if (!checkCount(blocks, max, pointer, problems)) return problems;
  const blockIds = new Set<unknown>();
  blocks.forEach((block, index) => {
    checkBlock(block, `${pointer}/${index}`, problems);
    const blockId = isObject(block) ? block.block_id : undefined;
    if (blockId !== undefined && blockIds.has(blockId)) {
      problems.push(`duplicate block_id ${at(`${pointer}/${index}/block_id`)}`);
    }
    blockIds.add(blockId);
  });
  return problems;
}
