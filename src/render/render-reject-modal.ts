import type { ModalView } from '@slack/types';
import { section } from './blocks.ts';
import { ACTION_ID, BLOCK_ID, CALLBACK_ID, REJECT_REASON_MAX, toButtonValue } from './ids.ts';
import { plainText } from './mrkdwn.ts';
import { codeId, shortSha } from './short-sha.ts';

/**
 * The modal Reject opens (`views.open` with the click's `trigger_id`): one required multiline
 * reason, recorded by the core and shown on the card. `private_metadata` carries the rollout and
 * SHA in the button-value format (read it back with `parseButtonValue`), so the submission acts
 * on the card the user saw; it is empty when the ids cannot be encoded, which the app must refuse.
 */
export function renderRejectModal(rolloutId: string, sha: string): ModalView {
  return {
    type: 'modal',
    callback_id: CALLBACK_ID.rejectModal,
    private_metadata: toButtonValue({ rolloutId, sha }) ?? '',
    title: plainText('Reject deploy', 24),
    submit: plainText('Reject', 24),
    close: plainText('Back', 24),
    blocks: [
      section(
        BLOCK_ID.rejectIntro,
        `You are rejecting rollout ${codeId(rolloutId)} at ${shortSha(sha)}. It stops before production for good; a new push starts a new rollout.`,
      ),
      {
        type: 'input',
        block_id: BLOCK_ID.rejectReason,
        label: plainText('Why? (shown on the card)', 2000),
        element: {
          type: 'plain_text_input',
          action_id: ACTION_ID.rejectReason,
          multiline: true,
          min_length: 1,
          max_length: REJECT_REASON_MAX,
          placeholder: plainText('What must change before this can ship', 150),
        },
      },
    ],
  };
}
