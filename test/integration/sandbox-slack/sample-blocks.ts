import type { ActionsBlock, Button, HeaderBlock, KnownBlock, ModalView, SectionBlock } from '@slack/types';

/** Small Block Kit builders for the stand-in's tests (not shiplock's renderer). */

export const section = (text: string, blockId?: string): SectionBlock => ({
  type: 'section',
  ...(blockId === undefined ? {} : { block_id: blockId }),
  text: { type: 'mrkdwn', text },
});

export const header = (text: string): HeaderBlock => ({ type: 'header', text: { type: 'plain_text', text } });

export const button = (actionId: string, text: string, value?: string): Button => ({
  type: 'button',
  action_id: actionId,
  text: { type: 'plain_text', text },
  ...(value === undefined ? {} : { value }),
});

export const actions = (blockId: string, ...elements: Button[]): ActionsBlock => ({
  type: 'actions',
  block_id: blockId,
  elements,
});

/** A card like shiplock's: header, facts, Approve / Reject buttons. */
export function approvalCard(rolloutId = 'r-1'): KnownBlock[] {
  return [
    header('acme/api #7: Fix the thing'),
    section('*Canary* healthy · needs 2 approvals'),
    actions(
      'shiplock.actions',
      { ...button('shiplock.approve', 'Approve', rolloutId), style: 'primary' },
      { ...button('shiplock.reject', 'Reject', rolloutId), style: 'danger' },
    ),
  ];
}

/** A modal asking for a reject reason. */
export function reasonModal(rolloutId = 'r-1'): ModalView {
  return {
    type: 'modal',
    callback_id: 'shiplock.reject_modal',
    private_metadata: rolloutId,
    title: { type: 'plain_text', text: 'Reject deploy' },
    submit: { type: 'plain_text', text: 'Reject' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: 'shiplock.reject_reason',
        label: { type: 'plain_text', text: 'Why?' },
        element: { type: 'plain_text_input', action_id: 'shiplock.reject_reason.input', multiline: true },
      },
    ],
  };
}
