import type { ActionsBlock } from '@slack/types';
import type { Rollout } from '../core/types.ts';
import { type SlackMessage, section } from './blocks.ts';
import { describeEnd } from './describe-end.ts';
import { fitMessage } from './fit-message.ts';
import { ACTION_ID, BLOCK_ID } from './ids.ts';
import { safeMrkdwn } from './mrkdwn.ts';
import { codeId, shortSha } from './short-sha.ts';

/** What the alert is rendered from. */
export interface RollbackFailedAlertView {
  readonly rollout: Rollout;
  /** The card's permalink (`chat.getPermalink`) when known; anything but a plain https URL is dropped. */
  readonly cardUrl?: string;
}

/** A permalink as Slack returns it, or the local stand-in's on loopback. */
const PERMALINK =
  /^(?:https:\/\/[A-Za-z0-9.-]+|http:\/\/(?:127\.0\.0\.1|localhost))(?::\d+)?\/[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]*$/;

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
  const why = rollout.ended === null ? '' : ` ${describeEnd(rollout.ended.reason, cap(300), (id) => id)}`;
  const url =
    view.cardUrl !== undefined && view.cardUrl.length <= 2000 && PERMALINK.test(view.cardUrl) ? view.cardUrl : null;
  const lines = [
    `:rotating_light: *${headline(rollout)}: production of ${repo} ${pr} may be broken.*`,
    `${title === '' ? '' : `${title} · `}commit ${shortSha(rollout.pr.sha)} · rollout ${codeId(rollout.id)}.${why}`,
    `*Next:* check production now and roll back by hand with your runbook; the rollback script's output is in the thread of the rollout's card in the deploy channel. Production deploys of ${repo} are frozen until a named approver runs \`/shiplock freeze off\`.`,
  ];
  return {
    text: `shiplock: ${headline(rollout).toLowerCase()} on ${repo} ${pr}, production may be broken`,
    blocks: [section(BLOCK_ID.rollbackAlert, lines.join('\n')), ...(url === null ? [] : [cardLink(url)])],
  };
}

function headline(rollout: Rollout): string {
  return rollout.ended?.reason.code === 'deploy_outcome_unknown' ? 'Rollback never reported' : 'Rollback failed';
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
