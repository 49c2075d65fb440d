import type { ActionsBlock } from '@slack/types';
import type { OutcomeResolution, Rollout } from '../core/types.ts';
import { type SlackMessage, section } from './blocks.ts';
import { describeEnd } from './describe-end.ts';
import { fitMessage } from './fit-message.ts';
import { ACTION_ID, BLOCK_ID } from './ids.ts';
import { isPermalink } from './is-permalink.ts';
import { mentionUser } from './mention-user.ts';
import { safeMrkdwn } from './mrkdwn.ts';
import { codeId, shortSha } from './short-sha.ts';

/** What the alert is rendered from. */
export interface RollbackFailedAlertView {
  readonly rollout: Rollout;
  /** The card's permalink (`chat.getPermalink`) when known; anything but a plain https URL is dropped. */
  readonly cardUrl?: string;
  /**
   * The human answer that claimed the rollback, when production's outcome was unknown (issue #6):
   * the rollout's own end reason then speaks of the production deploy, not of the rollback.
   */
  readonly resolution?: OutcomeResolution | null;
}

/**
 * The message in the repository's alerts channel when a production rollback failed (issue #6):
 * repository, pull request, commit, that production may be broken, a link to the card and what to
 * do next. Post with unfurls off. The title and the repository are untrusted or long: escaped and
 * shrunk until the message fits Slack's limits.
 */
export function renderRollbackFailedAlert(view: RollbackFailedAlertView): SlackMessage {
  return fitMessage((scale) => renderAt(view, scale));
}

function renderAt(view: RollbackFailedAlertView, scale: number): SlackMessage {
  const { rollout } = view;
  const cap = (n: number): number => Math.max(1, Math.floor(n * scale));
  const repo = safeMrkdwn(rollout.pr.repo, cap(140));
  const pr = Number.isSafeInteger(rollout.pr.number) ? `#${rollout.pr.number}` : '';
  const title = safeMrkdwn(rollout.pr.title, cap(200)).trim();
  const why = whyText(view, cap(300));
  const head = headline(view);
  const url = view.cardUrl !== undefined && isPermalink(view.cardUrl) ? view.cardUrl : null;
  const lines = [
    `:rotating_light: *${head}: production of ${repo} ${pr} may be broken.*`,
    `${title === '' ? '' : `${title} · `}commit ${shortSha(rollout.pr.sha)} · rollout ${codeId(rollout.id)}.${why}`,
    `*Next:* check production now and roll back by hand with your runbook; the rollback script's output is in the thread of the rollout's card in the deploy channel. Production deploys of ${repo} are frozen until a named approver runs \`/shiplock freeze off\`.`,
  ];
  return {
    text: `shiplock: ${head.toLowerCase()} on ${repo} ${pr}, production may be broken`,
    blocks: [section(BLOCK_ID.rollbackAlert, lines.join('\n')), ...(url === null ? [] : [cardLink(url)])],
  };
}

function headline(view: RollbackFailedAlertView): string {
  const claimed = view.resolution?.rollback;
  if (claimed != null) return claimed.status === 'unknown' ? 'Rollback never reported' : 'Rollback failed';
  return view.rollout.ended?.reason.code === 'deploy_outcome_unknown' ? 'Rollback never reported' : 'Rollback failed';
}

function whyText(view: RollbackFailedAlertView, max: number): string {
  const { rollout, resolution } = view;
  if (resolution?.rollback != null) {
    const who = mentionUser(resolution.by) ?? 'a human';
    return ` The production deploy never reported; ${who} chose Roll back, and the rollback ${resolution.rollback.status === 'unknown' ? 'never reported' : 'failed'}.`;
  }
  return rollout.ended === null ? '' : ` ${describeEnd(rollout.ended.reason, max, (id) => id)}`;
}

/** A link button to the card: Slack opens the permalink (and sends an action the app acknowledges). */
function cardLink(url: string): ActionsBlock {
  return {
    type: 'actions',
    block_id: `${BLOCK_ID.rollbackAlert}.actions`,
    elements: [
      {
        type: 'button',
        action_id: ACTION_ID.openCard,
        text: { type: 'plain_text', text: 'Open the card', emoji: false },
        url,
      },
    ],
  };
}
