import { escapeHtml } from './escape-html.ts';
import { asObject, asString, type BlockObject } from './read-block.ts';
import { renderTextObject } from './render-text-object.ts';
import type { WorkspaceNames } from './workspace-names.ts';

/** A confirm dialog, kept inert in a `<template>` until its button is clicked. */
function renderConfirm(confirm: BlockObject, names: WorkspaceNames): string {
  const style = confirm.style === 'danger' ? 'danger' : 'primary';
  return [
    '<template class="confirm-template">',
    `<h4 class="confirm-title">${renderTextObject(confirm.title, names)}</h4>`,
    `<div class="confirm-text">${renderTextObject(confirm.text, names)}</div>`,
    '<div class="confirm-buttons">',
    `<button type="button" class="btn confirm-deny">${renderTextObject(confirm.deny, names) || 'Cancel'}</button>`,
    `<button type="button" class="btn ${style} confirm-ok">${renderTextObject(confirm.confirm, names) || 'Yes'}</button>`,
    '</div></template>',
  ].join('');
}

/** A button: styled as Slack does, carrying its ids for the click; a link button shows its URL as text. */
function renderButton(element: BlockObject, blockId: string, names: WorkspaceNames): string {
  const style = element.style === 'primary' || element.style === 'danger' ? ` ${element.style}` : '';
  const confirm = asObject(element.confirm);
  const url = asString(element.url);
  const button =
    `<button type="button" class="btn slack-button${style}" data-action-id="${escapeHtml(asString(element.action_id))}"` +
    ` data-block-id="${escapeHtml(blockId)}">${renderTextObject(element.text, names)}</button>`;
  const link = url === '' ? '' : `<span class="link button-url">${escapeHtml(url)}</span>`;
  return `<span class="button-wrap">${button}${link}${confirm === undefined ? '' : renderConfirm(confirm, names)}</span>`;
}

/** A text input of a modal, named by its block and action ids so the page can submit it. */
function renderTextInput(element: BlockObject, blockId: string): string {
  const ids = `data-block-id="${escapeHtml(blockId)}" data-action-id="${escapeHtml(asString(element.action_id))}"`;
  const placeholder = asObject(element.placeholder);
  const hint = placeholder === undefined ? '' : ` placeholder="${escapeHtml(asString(placeholder.text))}"`;
  const value = escapeHtml(asString(element.initial_value));
  return element.multiline === true
    ? `<textarea class="view-input" rows="4" ${ids}${hint}>${value}</textarea>`
    : `<input class="view-input" type="text" ${ids}${hint} value="${value}">`;
}

/** An interactive element: buttons and text inputs work; other kinds are named, not faked. */
export function renderElement(value: unknown, blockId: string, names: WorkspaceNames): string {
  const element = asObject(value);
  if (element === undefined) return '';
  if (element.type === 'button') return renderButton(element, blockId, names);
  if (element.type === 'plain_text_input') return renderTextInput(element, blockId);
  if (element.type === 'image') return `<span class="image">[image: ${escapeHtml(asString(element.alt_text))}]</span>`;
  return `<span class="unsupported">[${escapeHtml(asString(element.type, 'element'))}: not shown in the browser view]</span>`;
}
