import { escapeHtml } from './escape-html.ts';
import { asObject, asObjects, asString, type BlockObject } from './read-block.ts';
import { renderElement } from './render-element.ts';
import { renderTextObject } from './render-text-object.ts';
import type { WorkspaceNames } from './workspace-names.ts';

/** A section: its text, its fields as a two-column grid, its accessory on the right. */
function renderSection(block: BlockObject, blockId: string, names: WorkspaceNames): string {
  const text = block.text === undefined ? '' : `<div class="section-text">${renderTextObject(block.text, names)}</div>`;
  const fields = asObjects(block.fields);
  const grid =
    fields.length === 0
      ? ''
      : `<div class="fields">${fields.map((field) => `<div class="field">${renderTextObject(field, names)}</div>`).join('')}</div>`;
  const accessory =
    block.accessory === undefined
      ? ''
      : `<div class="accessory">${renderElement(block.accessory, blockId, names)}</div>`;
  return `<div class="section"><div class="section-body">${text}${grid}</div>${accessory}</div>`;
}

/** A context block: small grey text and image alt texts in one row. */
function renderContext(block: BlockObject, names: WorkspaceNames): string {
  const parts = asObjects(block.elements).map((element) =>
    element.type === 'image'
      ? `<span class="image">[${escapeHtml(asString(element.alt_text))}]</span>`
      : `<span>${renderTextObject(element, names)}</span>`,
  );
  return `<div class="context">${parts.join('')}</div>`;
}

/** A modal's input block: label, the element, its hint. */
function renderInput(block: BlockObject, blockId: string, names: WorkspaceNames): string {
  const optional = block.optional === true ? ' <span class="optional">(optional)</span>' : '';
  const hint = block.hint === undefined ? '' : `<div class="hint">${renderTextObject(block.hint, names)}</div>`;
  return [
    `<label class="input-block" data-block-id="${escapeHtml(blockId)}">`,
    `<span class="input-label">${renderTextObject(block.label, names)}${optional}</span>`,
    renderElement(block.element, blockId, names),
    hint,
    '<span class="input-error"></span></label>',
  ].join('');
}

/** One block as HTML; a kind the view does not know is named rather than dropped. */
function renderBlock(block: BlockObject, names: WorkspaceNames): string {
  const blockId = asString(block.block_id);
  const id = escapeHtml(blockId);
  switch (block.type) {
    case 'header':
      return `<h3 class="block header" data-block-id="${id}">${renderTextObject(block.text, names)}</h3>`;
    case 'section':
      return `<div class="block" data-block-id="${id}">${renderSection(block, blockId, names)}</div>`;
    case 'context':
      return `<div class="block" data-block-id="${id}">${renderContext(block, names)}</div>`;
    case 'divider':
      return '<hr class="block divider">';
    case 'actions': {
      const elements = asObjects(block.elements).map((element) => renderElement(element, blockId, names));
      return `<div class="block actions" data-block-id="${id}">${elements.join('')}</div>`;
    }
    case 'input':
      return `<div class="block" data-block-id="${id}">${renderInput(block, blockId, names)}</div>`;
    case 'image':
      return `<div class="block image">[image: ${escapeHtml(asString(block.alt_text))}]</div>`;
    default:
      return `<div class="block unsupported">[${escapeHtml(asString(block.type, 'block'))} block: not shown in the browser view]</div>`;
  }
}

/**
 * Block Kit as HTML, as a Slack client lays it out (https://docs.slack.dev/reference/block-kit/blocks):
 * header, section (text, fields, accessory), context, divider, actions, input. Pure; every string escaped.
 */
export function renderBlocks(blocks: unknown, names: WorkspaceNames): string {
  return asObjects(blocks)
    .map((block) => renderBlock(block, names))
    .join('');
}

/** A modal's title, submit and close labels, read from a stored view. */
export function readViewLabels(view: BlockObject, names: WorkspaceNames) {
  return {
    title: renderTextObject(asObject(view.title), names),
    submit: view.submit === undefined ? '' : renderTextObject(view.submit, names),
    close: view.close === undefined ? 'Cancel' : renderTextObject(view.close, names),
  };
}
