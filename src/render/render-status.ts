import { resolutionOf } from '../core/decide-resolution.ts';
import type { EpochMs, Policy, PullRequestState, Rollout } from '../core/types.ts';
import { toApprovalView } from './approval-view.ts';
import { type SlackMessage, section } from './blocks.ts';
import { COMMAND_BLOCK_ID } from './command-ids.ts';
import { describeHold } from './describe-hold.ts';
import { describeUnknownOutcome } from './describe-unknown-outcome.ts';
import { fitMessage } from './fit-message.ts';
import { formatDuration } from './format-duration.ts';
import { mentionList } from './mention-user.ts';
import { phaseLabel } from './phase-label.ts';
import { rolloutLine } from './rollout-line.ts';
import { slackDate } from './slack-date.ts';
import { toUnknownOutcome } from './unknown-outcome-view.ts';

/** One rollout to report, with its aggregate and policy. */
export interface StatusItem {
  readonly state: PullRequestState;
  readonly rollout: Rollout;
  readonly policy: Policy;
}

/** At most this many rollouts are shown; the answer says how many more there are. */
export const STATUS_MAX = 10;

/**
 * `/shiplock status`: for each rollout its phase and since when, its approvals and what is still
 * needed, the time lock's unlock time (Slack date token: every reader sees local time), a hold or
 * a freeze, and for a deploy that never reported (issue #6) what to do or what a human answered.
 * `at` is the caller's clock, for "unlocks in…".
 */
export function renderStatus(items: readonly StatusItem[], at: EpochMs): SlackMessage {
  if (items.length === 0) {
    const text =
      'No active rollouts for you or this channel. `/shiplock list` shows every active rollout; `/shiplock status owner/repo#N` shows one pull request.';
    return { text, blocks: [section(COMMAND_BLOCK_ID.notice, text)] };
  }
  return fitMessage((scale) => {
    const shown = items.slice(0, STATUS_MAX);
    const blocks = shown.map((item, i) => section(`${COMMAND_BLOCK_ID.status}.${i}`, statusText(item, at, scale)));
    const more = items.length - shown.length;
    if (more > 0) blocks.push(section(`${COMMAND_BLOCK_ID.status}.more`, `…and ${more} more: \`/shiplock list\`.`));
    const text = `shiplock status: ${items.length} rollout${items.length === 1 ? '' : 's'}`;
    return { text, blocks };
  });
}

/** The status of a production deploy that never reported, before anyone answered on the card. */
const UNANSWERED =
  ':warning: *Production may or may not have been deployed* (the deploy never reported). Check production, then answer on the card: *Roll back* or *Production is fine*.';

function statusText(item: StatusItem, at: EpochMs, scale: number): string {
  const { rollout, policy, state } = item;
  const lines = [
    rolloutLine(rollout, Math.floor(150 * scale)),
    `${phaseLabel(rollout.phase)} since ${slackDate(rollout.phaseSince)}`,
  ];
  const approvals = toApprovalView(rollout, policy);
  if (rollout.phase === 'awaiting_approval' || rollout.phase === 'time_locked') {
    const who = approvals.counted.length === 0 ? 'none yet' : mentionList(approvals.counted, 10);
    lines.push(`Approvals: ${approvals.counted.length} of ${approvals.required} (${who})`);
    if (approvals.eligible.length > 0) lines.push(`Can approve: ${mentionList(approvals.eligible, 10)}`);
  }
  if (rollout.phase === 'time_locked' && rollout.lockPaused !== undefined) {
    lines.push(
      `:pause_button: Time lock paused with ${formatDuration(rollout.lockPaused.remainingMs)} left: the canary is inconclusive`,
    );
  }
  if (rollout.phase === 'time_locked' && rollout.unlockAt !== null) {
    lines.push(
      `:lock: Unlocks ${slackDate(rollout.unlockAt)} (in ${formatDuration(Math.max(0, rollout.unlockAt - at))})`,
    );
  }
  const unknown = toUnknownOutcome(rollout, resolutionOf(state, rollout.id));
  if (unknown?.stage === 'production' && unknown.resolution === null) lines.push(UNANSWERED);
  else if (unknown !== null) {
    const subject = { repo: rollout.pr.repo, sha: rollout.pr.sha, rolloutId: rollout.id };
    lines.push(describeUnknownOutcome(unknown, subject, Math.floor(100 * scale)));
  }
  if (rollout.hold !== null) lines.push(describeHold(rollout.hold, Math.floor(300 * scale)));
  else if (state.freeze !== null)
    lines.push(describeHold({ code: 'frozen', freeze: state.freeze }, Math.floor(300 * scale)));
  return lines.join('\n');
}
