import { deployOf, resolutionOf } from '../core/decide-resolution.ts';
import { namedApprovers } from '../core/explain-rollout.ts';
import type { DeployStage, Policy, PullRequestState, Rollout, ThreadMessage } from '../core/types.ts';
import { type SlackMessage, section } from './blocks.ts';
import { describeHold } from './describe-hold.ts';
import { fitMessage } from './fit-message.ts';
import { formatDuration } from './format-duration.ts';
import { BLOCK_ID } from './ids.ts';
import { mentionList, mentionUser } from './mention-user.ts';
import { safeMrkdwn, splitMrkdwn } from './mrkdwn.ts';
import { renderCanaryJudged, renderLockPaused, renderLockResumed } from './render-canary-thread.ts';
import { renderReminder } from './render-reminder.ts';
import { rollbackOutcome } from './rollback-outcome.ts';
import { codeId, shortSha } from './short-sha.ts';
import { slackDate } from './slack-date.ts';
import { deployStatusLabel, gateStatusLabel, stageLabel } from './status-labels.ts';
import { ADVISORY_LABEL, ADVISORY_UNAVAILABLE, toAdvisoryText } from './to-advisory-text.ts';

/** What a thread message is rendered from: the core's message names things, the state holds them. */
export interface ThreadContext {
  readonly state: PullRequestState;
  readonly rollout: Rollout;
  readonly policy: Policy;
  /**
   * What the gate run or deploy script left for people (findings, failing tests, the output's
   * tail, how to reproduce a fuzz run). Untrusted: it holds the PR code's output.
   */
  readonly details?: string;
}

/** The run's details spread over at most this many sections at full scale. */
const DETAIL_SECTIONS = 3;

/** Room for one section's untrusted text, leaving space for our own words. */
const SECTION_ROOM = 2800;
/** The advisory review's full text spreads over at most this many sections at full scale. */
const ADVISORY_SECTIONS = 4;

/**
 * One message in the card's thread (post with `thread_ts` of the card and unfurls off). Details
 * live here, not on the card: gate output, the advisory review in full, deploy results,
 * reminders, the superseding rollout, why production is held, the canary's full trace when its
 * verdict changes, and the time lock pausing and resuming with it.
 */
export function renderThreadMessage(message: ThreadMessage, ctx: ThreadContext): SlackMessage {
  switch (message.kind) {
    case 'gate_finished':
      return fitMessage((scale) => withDetails(gateFinished(message.gateId, ctx, scale), ctx.details, scale));
    case 'advisory_review':
      return fitMessage((scale) => advisoryReview(ctx.rollout, scale));
    case 'deploy_finished':
      return fitMessage((scale) =>
        withDetails(deployFinished(message.stage, message.epoch, ctx.state, ctx.rollout, scale), ctx.details, scale),
      );
    case 'approval_reminder':
      return renderReminder(message.eligible, ctx.rollout, ctx.policy);
    case 'superseded':
      return superseded(message.by, ctx.state);
    case 'preflight_held':
      return fitMessage((scale) => {
        const text = `:pause_button: *Held before production.* ${describeHold(message.reason, Math.floor(1000 * scale))}`;
        return { text: 'Production is held before deploying.', blocks: [section(BLOCK_ID.thread, text)] };
      });
    case 'canary_judged':
      return renderCanaryJudged(message, ctx.rollout);
    case 'time_lock_paused':
      return renderLockPaused(message.remainingMs, message.approvers);
    case 'time_lock_resumed':
      return renderLockResumed(message.unlockAt);
    case 'repository_frozen':
      return repositoryFrozen(ctx);
    case 'outcome_resolved':
      return outcomeResolved(ctx);
  }
}

function gateFinished(gateId: string, ctx: ThreadContext, scale: number): SlackMessage {
  const name = ctx.policy.gates.find((g) => g.id === gateId)?.name ?? gateId;
  const gate = ctx.rollout.gates[gateId];
  const title = `*${safeMrkdwn(name, 100)}*`;
  if (gate === undefined) {
    return {
      text: `Gate ${safeMrkdwn(name, 100)}: no result`,
      blocks: [section(BLOCK_ID.thread, `${title}: no result recorded.`)],
    };
  }
  const took = gate.durationMs === null ? '' : ` in ${formatDuration(gate.durationMs)}`;
  const summary = gate.summary === '' ? '' : `\n${safeMrkdwn(gate.summary, Math.floor(SECTION_ROOM * scale))}`;
  const line = `${gateStatusLabel(gate.status)} ${title}${took} (attempt ${gate.attempt})${summary}`;
  return { text: `Gate ${safeMrkdwn(name, 100)}: ${gate.status}`, blocks: [section(BLOCK_ID.thread, line)] };
}

/** Appends the run's details, escaped, as a quoted block under the result line. */
function withDetails(message: SlackMessage, details: string | undefined, scale: number): SlackMessage {
  if (details === undefined || details.trim() === '') return message;
  const room = Math.floor(SECTION_ROOM * DETAIL_SECTIONS * scale);
  const pieces = splitMrkdwn(safeMrkdwn(details, room), SECTION_ROOM);
  const blocks = [...message.blocks];
  pieces.forEach((piece, i) => {
    blocks.push(section(`${BLOCK_ID.thread}.details.${i}`, piece));
  });
  return { ...message, blocks };
}

function advisoryReview(rollout: Rollout, scale: number): SlackMessage {
  const { summary, fullText } = toAdvisoryText(rollout.advisory);
  const heading = `:speech_balloon: *Code review* _(${ADVISORY_LABEL})_`;
  const intro = summary === null ? '' : `\n*Summary:* ${safeMrkdwn(summary, Math.floor(600 * scale))}`;
  const blocks = [
    section(
      BLOCK_ID.thread,
      `${heading}${intro}${fullText === null && summary === null ? `\n${ADVISORY_UNAVAILABLE}` : ''}`,
    ),
  ];
  if (fullText !== null) {
    const room = Math.floor(SECTION_ROOM * ADVISORY_SECTIONS * scale);
    splitMrkdwn(safeMrkdwn(fullText, room), SECTION_ROOM).forEach((piece, i) => {
      blocks.push(section(`${BLOCK_ID.thread}.${i}`, piece));
    });
  }
  return { text: `Advisory code review (${ADVISORY_LABEL})`, blocks };
}

function deployFinished(
  stage: DeployStage,
  epoch: number,
  state: PullRequestState,
  rollout: Rollout,
  scale: number,
): SlackMessage {
  const deploy = deployOf(state, rollout, stage) ?? undefined;
  const status =
    deploy === undefined || deploy.epoch !== epoch ? 'no longer current' : deployStatusLabel(deploy.status);
  const summary =
    deploy === undefined || deploy.summary === ''
      ? ''
      : `\n${safeMrkdwn(deploy.summary, Math.floor(SECTION_ROOM * scale))}`;
  const line = `*${stageLabel(stage)} deploy* ${status} (epoch ${epoch})${summary}`;
  return { text: `${stageLabel(stage)} deploy: ${status}`, blocks: [section(BLOCK_ID.thread, line)] };
}

/** After a production rollback (issue #6): the repository is frozen, and who may clear it. */
function repositoryFrozen(ctx: ThreadContext): SlackMessage {
  const repo = safeMrkdwn(ctx.rollout.pr.repo, 140);
  const who = mentionList(namedApprovers(ctx.policy), 10);
  const failed =
    rollbackOutcome(ctx.state, ctx.rollout) === 'failed'
      ? ' The rollback did not succeed: production may be broken (see the alerts channel).'
      : '';
  const text = `:snowflake: *Production deploys of ${repo} are frozen* after this rollback.${failed} No production deploy of ${repo} starts until a named approver${who === '' ? '' : ` (${who})`} runs \`/shiplock freeze off\`; an earlier freeze stays as it was.`;
  return {
    text: `Production deploys of ${repo} are frozen after a rollback.`,
    blocks: [section(BLOCK_ID.thread, text)],
  };
}

/** A human answered an unknown production outcome (issue #6): who, when, and what happens now. */
function outcomeResolved(ctx: ThreadContext): SlackMessage {
  const answer = resolutionOf(ctx.state, ctx.rollout.id);
  if (answer === null) {
    return { text: 'No answer is recorded.', blocks: [section(BLOCK_ID.thread, 'No answer is recorded.')] };
  }
  const who = mentionUser(answer.by) ?? 'an unknown user';
  const text =
    answer.kind === 'rollback'
      ? `:rewind: ${who} chose *Roll back* ${slackDate(answer.at)} after the production deploy never reported: the rollback script runs now (epoch ${answer.rollback?.epoch ?? '?'}), once. Its result follows here.`
      : `:white_check_mark: ${who} checked production and confirmed ${slackDate(answer.at)} that it is fine. Nothing is deployed or rolled back.`;
  return {
    text: answer.kind === 'rollback' ? 'Roll back was chosen.' : 'Production was confirmed fine by hand.',
    blocks: [section(BLOCK_ID.thread, text)],
  };
}

function superseded(by: string, state: PullRequestState): SlackMessage {
  const next = state.rollouts.find((r) => r.id === by);
  const sha = next === undefined ? '' : ` for ${shortSha(next.pr.sha)}`;
  const text = `:fast_forward: Superseded by rollout ${codeId(by)}${sha}. Approvals on this rollout no longer count: use the new card.`;
  return { text: 'This rollout is superseded by a new push.', blocks: [section(BLOCK_ID.thread, text)] };
}
