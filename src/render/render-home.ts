import type { KnownBlock } from '@slack/types';
import type { EpochMs } from '../core/types.ts';
import { divider, header, packSections, section } from './blocks.ts';
import { COMMAND_BLOCK_ID, RISK_BLOCK_ID } from './command-ids.ts';
import { formatDuration } from './format-duration.ts';
import { freezeAuthor } from './freeze-author.ts';
import type { HomeView } from './home-view.ts';
import { safeMrkdwn } from './mrkdwn.ts';
import { phaseLabel } from './phase-label.ts';
import { riskReportBlocks } from './render-risk-report.ts';
import { rolloutLine } from './rollout-line.ts';
import { slackDate } from './slack-date.ts';
import { SLACK_LIMITS, validateMessage } from './validate-blocks.ts';

/** A Home tab view for `views.publish`. */
export interface HomeTab {
  readonly type: 'home';
  readonly blocks: KnownBlock[];
}

/** Rows per list; the Home tab allows 100 blocks and these lists pack into a few sections each. */
export const HOME_LIST_MAX = 25;

/**
 * The viewer's Home tab: approvals they can give now, time locks with their unlock times (Slack date
 * tokens, local time for every reader, and the time left at `view.at`), recent deploys and
 * rollbacks, active freezes. Shrinks untrusted text until the view passes the Home tab's limits.
 */
export function renderHome(view: HomeView): HomeTab {
  for (const titleMax of [80, 30, 0]) {
    const tab: HomeTab = { type: 'home', blocks: blocksAt(view, titleMax) };
    if (validateMessage(tab, 'home').length === 0) return tab;
  }
  return { type: 'home', blocks: blocksAt(view, 0).slice(0, SLACK_LIMITS.viewBlocks) };
}

function blocksAt(view: HomeView, titleMax: number): KnownBlock[] {
  const list = (id: string, title: string, lines: readonly string[], empty: string): KnownBlock[] => [
    divider(),
    section(`${id}.title`, `*${title}*`),
    ...packSections(id, lines.length === 0 ? [empty] : capped(lines)),
  ];
  const approvals = view.canApprove.map(
    (r) => `${rolloutLine(r, titleMax)} · waiting since ${slackDate(r.phaseSince)}`,
  );
  const locks = view.locks.map((r) => `${rolloutLine(r, titleMax)} · ${lockState(r, view.at)}`);
  const recent = view.recent.map(
    (r) => `${rolloutLine(r, titleMax)} · ${phaseLabel(r.phase)} ${slackDate(r.ended?.at ?? r.phaseSince)}`,
  );
  const freezes = view.freezes.map(
    (f) =>
      `*${safeMrkdwn(f.repo, 120)}* frozen by ${freezeAuthor(f.freeze)} since ${slackDate(f.freeze.at)}: ${safeMrkdwn(f.freeze.reason, Math.max(titleMax, 20) * 2).trim() || 'no reason given'}`,
  );
  return [
    header(COMMAND_BLOCK_ID.homeHeader, 'shiplock'),
    section(
      COMMAND_BLOCK_ID.homeIntro,
      'What needs you now. Approve on the rollout card in its deploy channel; `/shiplock why owner/repo#N` says what a rollout waits for.',
    ),
    ...list(
      COMMAND_BLOCK_ID.homeApprovals,
      'Approvals you can give now',
      approvals,
      'Nothing is waiting for your approval.',
    ),
    ...list(COMMAND_BLOCK_ID.homeLocks, 'Time locks running', locks, 'No rollout is in its time lock.'),
    ...list(COMMAND_BLOCK_ID.homeRecent, 'Recent deploys and rollbacks', recent, 'No recent deploys.'),
    ...list(COMMAND_BLOCK_ID.homeFreezes, 'Active freezes', freezes, 'No repository is frozen.'),
    ...(view.risk === undefined
      ? []
      : [divider(), section(RISK_BLOCK_ID.homeTitle, '*Delegation risk*'), ...riskReportBlocks(view.risk)]),
  ];
}

function capped(lines: readonly string[]): readonly string[] {
  if (lines.length <= HOME_LIST_MAX) return lines;
  return [...lines.slice(0, HOME_LIST_MAX), `…and ${lines.length - HOME_LIST_MAX} more.`];
}

/** Where a time lock stands: paused (the canary is inconclusive), counting down, or unknown. */
function lockState(r: HomeView['locks'][number], at: EpochMs): string {
  if (r.lockPaused !== undefined) {
    return `paused with ${formatDuration(r.lockPaused.remainingMs)} left (canary inconclusive)`;
  }
  if (r.unlockAt === null) return 'unlock time unknown';
  return `unlocks ${slackDate(r.unlockAt)} (in ${formatDuration(Math.max(0, r.unlockAt - at))})`;
}
