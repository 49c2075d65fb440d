import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { context, divider, type SlackMessage } from './blocks.ts';
import { renderCardBody } from './card-body.ts';
import { renderCardActions } from './card-buttons.ts';
import { cardCaps } from './card-caps.ts';
import type { CardView } from './card-view.ts';
import { fitMessage } from './fit-message.ts';
import { ACTION_ID, BLOCK_ID } from './ids.ts';
import { safeMrkdwn } from './mrkdwn.ts';
import { phaseWords } from './phase-label.ts';

/**
 * The rollout card: `{ text, blocks }` for `chat.postMessage` / `chat.update` (post it with
 * `unfurl_links: false, unfurl_media: false`). `text` is the notification fallback and is always
 * set. Tries the full text budget first and shrinks untrusted text until the card passes
 * {@link validateMessage}, so a hostile title or summary can cost detail but never the card.
 */
export function renderCard(view: CardView): SlackMessage {
  return fitMessage((scale) => renderAt(view, scale));
}

function renderAt(view: CardView, scale: number): SlackMessage {
  const caps = cardCaps(scale);
  const blocks: KnownBlock[] = renderCardBody(view, caps);
  const { block, dropped } = renderCardActions(view);
  if (dropped > 0) {
    blocks.push(
      context(BLOCK_ID.notice, [
        ':warning: Some buttons cannot be shown for this rollout (its ids do not fit a button). Use `/shiplock`.',
      ]),
    );
  }
  if (block !== null) blocks.push(divider(), block);
  else if (view.newCardUrl !== null) blocks.push(divider(), newCardLink(view.newCardUrl));
  else if (view.terminal && dropped === 0) {
    blocks.push(context(BLOCK_ID.notice, ['Final state: this card takes no more actions.']));
  }
  return { text: fallbackText(view, caps.title), blocks };
}

/** A link button to the superseding card: it opens Slack's permalink and changes nothing. */
function newCardLink(url: string): ActionsBlock {
  const button: Button = {
    type: 'button',
    action_id: ACTION_ID.openNewCard,
    text: { type: 'plain_text', text: 'Open the new card', emoji: false },
    url,
  };
  return { type: 'actions', block_id: BLOCK_ID.actions, elements: [button] };
}

/** One line for notifications and clients without Block Kit: repo, PR, title, phase. */
function fallbackText(view: CardView, titleCap: number): string {
  const pr = Number.isSafeInteger(view.prNumber) ? `#${view.prNumber}` : '';
  const title = safeMrkdwn(view.title, Math.max(titleCap, 40));
  return `shiplock: ${safeMrkdwn(view.repo, 140)} ${pr} ${title} — ${phaseWords(view.phase)}`;
}
