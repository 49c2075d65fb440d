import type { Policy, Rollout, SlackUserId } from '../core/types.ts';
import { toApprovalView } from './approval-view.ts';
import { type SlackMessage, section } from './blocks.ts';
import { BLOCK_ID } from './ids.ts';
import { isSlackUserId } from './mention-user.ts';
import { safeMrkdwn } from './mrkdwn.ts';
import { shortSha } from './short-sha.ts';

/** At most this many people are mentioned in one reminder (each mention is ~14 characters). */
const MAX_MENTIONS = 100;

/**
 * The escalation when nobody answered a request for approval: it mentions the eligible approvers
 * (ids from our config, listed by the core). Each id must look like a Slack user id before it
 * becomes `<@U…>`; a malformed one is counted in words, never emitted. Never `@here`/`@channel`.
 */
export function renderReminder(eligible: readonly SlackUserId[], rollout: Rollout, policy: Policy): SlackMessage {
  const valid = [...new Set(eligible.filter(isSlackUserId))];
  const shown = valid.slice(0, MAX_MENTIONS);
  const skipped = eligible.length - eligible.filter(isSlackUserId).length;
  const { missing } = toApprovalView(rollout, policy);
  const change = `*${safeMrkdwn(rollout.pr.repo, 140)} #${Number.isSafeInteger(rollout.pr.number) ? rollout.pr.number : '?'}* at ${shortSha(rollout.pr.sha)}`;
  const lines = [
    shown.length > 0
      ? `:bell: ${shown.map((id) => `<@${id}>`).join(' ')}: ${change} is still waiting for approval.`
      : `:bell: ${change} is still waiting for approval, and nobody eligible is left to ask. An operator should check the approvers in \`shiplock.yml\`.`,
  ];
  if (missing > 0)
    lines.push(
      `It needs ${missing} more distinct approver${missing === 1 ? '' : 's'}; approve or reject on the card above.`,
    );
  if (valid.length > shown.length) lines.push(`…and ${valid.length - shown.length} more eligible approvers.`);
  if (skipped > 0)
    lines.push(
      `${skipped} configured approver id${skipped === 1 ? ' is' : 's are'} not valid Slack user ids and could not be mentioned.`,
    );
  return { text: 'A deploy is still waiting for approval.', blocks: [section(BLOCK_ID.thread, lines.join('\n'))] };
}
