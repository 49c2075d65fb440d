import type { ActionsBlock, Button, ConfirmationDialog } from '@slack/types';
import type { CardAction } from './card-actions.ts';
import type { CardView } from './card-view.ts';
import { ACTION_ID, BLOCK_ID, retryActionId, toButtonValue } from './ids.ts';
import { plainString, plainText } from './mrkdwn.ts';
import { SLACK_LIMITS } from './validate-blocks.ts';

/** The card's buttons, or `null` when it offers none; `dropped` counts buttons whose ids could not be encoded. */
export function renderCardActions(view: CardView): { readonly block: ActionsBlock | null; readonly dropped: number } {
  const buttons: Button[] = [];
  let retries = 0;
  for (const action of view.actions) {
    const gateId = action.kind === 'retry' ? action.gateId : undefined;
    const value = toButtonValue(
      gateId === undefined
        ? { rolloutId: view.rolloutId, sha: view.sha }
        : { rolloutId: view.rolloutId, sha: view.sha, gateId },
    );
    if (value === null) continue;
    buttons.push(toButton(action, value, view, retries));
    if (action.kind === 'retry') retries += 1;
  }
  const dropped = view.actions.length - buttons.length;
  if (buttons.length === 0) return { block: null, dropped };
  return { block: { type: 'actions', block_id: BLOCK_ID.actions, elements: buttons }, dropped };
}

function toButton(action: CardAction, value: string, view: CardView, retryIndex: number): Button {
  const change = `${plainString(view.repo, 80)} #${view.prNumber} at ${plainString(view.sha.slice(0, 7), 7)}`;
  switch (action.kind) {
    case 'approve':
      return button(ACTION_ID.approve, 'Approve', value, 'primary', {
        title: 'Approve production deploy?',
        text: `You approve ${change} for production. When the quorum is reached a time lock starts; anyone trusted can still cancel during it.`,
        confirm: 'Approve',
        deny: 'Back',
      });
    case 'reject':
      // Reject opens a modal that asks for the reason: that is its confirmation.
      return button(ACTION_ID.reject, 'Reject…', value, 'danger');
    case 'cancel':
      return button(ACTION_ID.cancel, 'Cancel rollout', value, undefined, {
        title: 'Cancel this rollout?',
        text: `This stops ${change} before production, for good. Approvals are void; a new push starts a new rollout.`,
        confirm: 'Cancel rollout',
        deny: 'Keep it',
        danger: true,
      });
    case 'rollback':
      return button(ACTION_ID.rollback, 'Roll back', value, 'danger', {
        title: 'Roll back production?',
        text: `This runs the rollback script for ${change} now.`,
        confirm: 'Roll back',
        deny: 'Back',
        danger: true,
      });
    case 'confirm_production':
      return button(ACTION_ID.confirmProduction, 'Production is fine', value, undefined, {
        title: 'Production is fine?',
        text: `Only confirm after checking production yourself. This records that ${change} runs fine in production, under your name; nothing is deployed or rolled back.`,
        confirm: 'It is fine',
        deny: 'Back',
      });
    case 'retry':
      return button(retryActionId(retryIndex), `Retry ${action.gateName}`, value);
  }
}

interface ConfirmWords {
  readonly title: string;
  readonly text: string;
  readonly confirm: string;
  readonly deny: string;
  readonly danger?: boolean;
}

function button(
  actionId: string,
  label: string,
  value: string,
  style?: 'primary' | 'danger',
  confirm?: ConfirmWords,
): Button {
  const b: Button = { type: 'button', action_id: actionId, text: plainText(label, SLACK_LIMITS.buttonText), value };
  if (style !== undefined) b.style = style;
  if (confirm !== undefined) b.confirm = toConfirm(confirm);
  return b;
}

/** Approve, Cancel, Roll back and Production is fine ask first: fat fingers on phones (issue 3). */
function toConfirm(words: ConfirmWords): ConfirmationDialog {
  const dialog: ConfirmationDialog = {
    title: plainText(words.title, SLACK_LIMITS.confirmTitle),
    text: plainText(words.text, SLACK_LIMITS.confirmText),
    confirm: plainText(words.confirm, SLACK_LIMITS.confirmButton),
    deny: plainText(words.deny, SLACK_LIMITS.confirmButton),
  };
  if (words.danger === true) dialog.style = 'danger';
  return dialog;
}
