import type { StoredView } from '../slack/index.ts';
import { escapeHtml } from './escape-html.ts';
import { readViewLabels, renderBlocks } from './render-blocks.ts';
import type { WorkspaceNames } from './workspace-names.ts';

/** The modal on top of `user`'s stack (the last one opened), with Submit and Close as Slack shows them. */
export function renderModal(view: StoredView, names: WorkspaceNames): string {
  const labels = readViewLabels(view.view, names);
  const submit =
    labels.submit === '' ? '' : `<button type="button" class="btn primary modal-submit">${labels.submit}</button>`;
  return [
    `<div class="modal-card" role="dialog" aria-modal="true" data-view-id="${escapeHtml(view.id)}">`,
    `<h3 class="modal-title">${labels.title}</h3>`,
    `<div class="modal-blocks">${renderBlocks(view.view.blocks, names)}</div>`,
    `<div class="modal-buttons"><button type="button" class="btn modal-close">${labels.close}</button>${submit}</div>`,
    '</div>',
  ].join('');
}
