import type { KnownBlock } from '@slack/types';
import { context, divider, header, mrkdwn, packSections, section } from './blocks.ts';
import { renderCanaryTable } from './canary-table.ts';
import type { CardCaps } from './card-caps.ts';
import type { CardView } from './card-view.ts';
import { describeEnd } from './describe-end.ts';
import { describeHold } from './describe-hold.ts';
import { describeUnknownOutcome } from './describe-unknown-outcome.ts';
import { formatDuration } from './format-duration.ts';
import { freezeAuthor } from './freeze-author.ts';
import { BLOCK_ID } from './ids.ts';
import { mentionList } from './mention-user.ts';
import { safeMrkdwn } from './mrkdwn.ts';
import { phaseLabel } from './phase-label.ts';
import { codeId, shortSha } from './short-sha.ts';
import { slackDate } from './slack-date.ts';
import { canaryVerdictLabel, deployStatusLabel, gateStatusLabel, stageLabel } from './status-labels.ts';
import { ADVISORY_UNAVAILABLE } from './to-advisory-text.ts';

/**
 * The card's informational blocks, top to bottom: header, facts, status, gates, advisory review,
 * canary and its per-metric table, deploys, approvals, deadlines (the countdown, or the paused
 * lock), hold, freeze, end, superseded notice. Every untrusted
 * string is escaped and cut to its cap; only our date tokens and mentions of validated ids remain.
 */
export function renderCardBody(view: CardView, caps: CardCaps): KnownBlock[] {
  const blocks: KnownBlock[] = [
    header(BLOCK_ID.header, `${view.repo.slice(0, caps.repo)} #${prNumber(view)} ${view.title.slice(0, caps.title)}`),
    facts(view, caps),
    context(BLOCK_ID.status, [`${phaseLabel(view.phase)} since ${slackDate(view.phaseSince)}`]),
    divider(),
    ...packSections(BLOCK_ID.gates, gateLines(view, caps)),
  ];
  if (view.unsandboxed) blocks.push(context(BLOCK_ID.sandbox, [UNSANDBOXED]));
  if (view.advisory.state !== 'off') blocks.push(section(BLOCK_ID.advisory, advisory(view, caps)));
  if (view.canary.look > 0 || view.canary.verdict !== null) blocks.push(section(BLOCK_ID.canary, canary(view, caps)));
  const table = renderCanaryTable(view.canary.metrics, {
    rows: caps.canaryRows,
    name: caps.canaryName,
    cell: caps.canaryCell,
  });
  if (table !== null) blocks.push(section(BLOCK_ID.canaryTable, table));
  if (view.deploys.length > 0) {
    const lines = view.deploys.map(
      (d) =>
        `*${stageLabel(d.stage)}* ${deployStatusLabel(d.status)}${d.summary ? ` — ${safeMrkdwn(d.summary, caps.deploy)}` : ''}`,
    );
    blocks.push(context(BLOCK_ID.deploys, lines));
  }
  if (view.approvals !== null) blocks.push(section(BLOCK_ID.approvals, approvals(view, caps)));
  const timing = deadlines(view);
  if (timing !== null) blocks.push(section(BLOCK_ID.timing, timing));
  if (view.hold !== null) {
    blocks.push(
      section(BLOCK_ID.hold, `:pause_button: *Held before production.* ${describeHold(view.hold, caps.hold)}`),
    );
  }
  if (view.freeze !== null && view.hold?.code !== 'frozen') {
    const by = freezeAuthor(view.freeze);
    const reason = orDash(view.freeze.reason, caps.hold);
    blocks.push(
      section(
        BLOCK_ID.freeze,
        `:snowflake: *Deploys are frozen* by ${by} since ${slackDate(view.freeze.at)}: ${reason}`,
      ),
    );
  }
  // A superseded card gets its own notice below instead of the end line.
  if (view.ended !== null && view.supersededBy === null) {
    const names = new Map(view.gates.map((g) => [g.id, g.name]));
    const why = describeEnd(view.ended.reason, caps.end, (id) => names.get(id) ?? id);
    blocks.push(section(BLOCK_ID.ended, `*Ended* ${slackDate(view.ended.at)}. ${why}`));
  }
  if (view.unknownOutcome !== null) {
    const subject = { repo: view.repo, sha: view.sha, rolloutId: view.rolloutId };
    blocks.push(section(BLOCK_ID.unknownOutcome, describeUnknownOutcome(view.unknownOutcome, subject, caps.repo)));
  }
  if (view.supersededBy !== null) blocks.push(section(BLOCK_ID.superseded, superseded(view.supersededBy)));
  if (view.rollbackFreeze !== null) {
    blocks.push(section(BLOCK_ID.rollbackFreeze, rollbackFrozen(view.repo, view.rollbackFreeze.liftableBy, caps)));
  }
  return blocks;
}

/** Under the end line of a rollout whose production rollback froze the repository (issue #6). */
function rollbackFrozen(repo: string, liftableBy: readonly string[], caps: CardCaps): string {
  const who = mentionList(liftableBy, 10);
  return `:snowflake: *Production deploys of ${safeMrkdwn(repo, caps.repo)} are now frozen* after this rollback (unless an earlier freeze stands, which stays). No production deploy starts until a named approver${who === '' ? '' : ` (${who})`} clears it with \`/shiplock freeze off\`.`;
}

/** Shown on every card while `sandbox: none` is configured. */
const UNSANDBOXED =
  ":warning: *No sandbox*: gate commands run the PR's code unsandboxed (`sandbox: none` in shiplock.yml), with this host's network and files.";

/** Escaped and cut untrusted text, or `—` when nothing of it is left to show. */
function orDash(text: string, max: number): string {
  const safe = safeMrkdwn(text, max).trim();
  return safe === '' ? '—' : safe;
}

function prNumber(view: CardView): string {
  return Number.isSafeInteger(view.prNumber) ? String(view.prNumber) : '?';
}

function facts(view: CardView, caps: CardCaps): KnownBlock {
  return {
    type: 'section',
    block_id: BLOCK_ID.facts,
    fields: [
      mrkdwn(`*Repository*\n${orDash(view.repo, caps.repo)}`),
      mrkdwn(`*Pull request*\n#${prNumber(view)}`),
      mrkdwn(`*Commit*\n${shortSha(view.sha)}`),
      mrkdwn(`*Author*\n${orDash(view.author, caps.author)}`),
      mrkdwn(`*Phase*\n${phaseLabel(view.phase)}`),
      mrkdwn(`*Rollout*\n${codeId(view.rolloutId)}`),
    ],
  };
}

function gateLines(view: CardView, caps: CardCaps): string[] {
  if (view.gates.length === 0) return ['*Blocking gates*: none configured.'];
  const lines = view.gates.slice(0, caps.maxGates).map((g) => {
    const took = g.durationMs === null ? '' : ` in ${formatDuration(g.durationMs)}`;
    const attempt = g.attempt > 1 ? ` (attempt ${g.attempt})` : '';
    const summary = g.summary === '' ? '' : ` — ${safeMrkdwn(g.summary, caps.gateSummary)}`;
    return `${gateStatusLabel(g.status)} *${safeMrkdwn(g.name, caps.gateName)}*${took}${attempt}${summary}`;
  });
  const hidden = view.gates.length - lines.length;
  if (hidden > 0) lines.push(`…and ${hidden} more gates: \`/shiplock status\` lists them all.`);
  return ['*Blocking gates*', ...lines];
}

function advisory(view: CardView, caps: CardCaps): string {
  const { state, summary, label } = view.advisory;
  const body =
    state === 'ready' && summary !== null
      ? safeMrkdwn(summary, caps.advisory)
      : state === 'pending'
        ? '_Waiting for the reviewer._'
        : ADVISORY_UNAVAILABLE;
  return `:speech_balloon: *Code review* _(${label})_\n${body}`;
}

function canary(view: CardView, caps: CardCaps): string {
  const { look, verdict, summary, at } = view.canary;
  const when = at === null ? '' : ` · ${slackDate(at)}`;
  const text = summary === '' ? '' : `\n${safeMrkdwn(summary, caps.canary)}`;
  return `*Canary* ${canaryVerdictLabel(verdict)} · look ${look}${when}${text}`;
}

function approvals(view: CardView, caps: CardCaps): string {
  const a = view.approvals;
  if (a === null) return '';
  const lines = [
    `:raised_hand: *Approvals* ${a.counted.length} of ${a.required}${a.quorumMet ? ' — quorum reached :white_check_mark:' : ''}`,
  ];
  if (a.counted.length > 0) lines.push(`Approved by ${mentionList(a.counted, caps.mentions)}`);
  if (!a.quorumMet && !view.terminal) {
    const needs = a.missing > 0 ? [`${a.missing} more distinct approver${a.missing === 1 ? '' : 's'}`] : [];
    for (const g of a.groups) {
      if (g.filled < g.quorum) needs.push(`${g.quorum - g.filled} from *${safeMrkdwn(g.name, 40)}*`);
    }
    lines.push(`Still needed: ${needs.join(', ') || 'one approver per group seat, each a different person'}`);
  }
  if (a.eligible.length > 0) lines.push(`Can approve: ${mentionList(a.eligible, caps.mentions)}`);
  if (a.uncounted.length > 0) lines.push(`Not counted (not eligible now): ${mentionList(a.uncounted, caps.mentions)}`);
  return lines.join('\n');
}

function deadlines(view: CardView): string | null {
  if (view.lockPaused !== null) {
    const { since, remainingMs } = view.lockPaused;
    return `:pause_button: *Time lock paused* since ${slackDate(since)} with ${formatDuration(remainingMs)} left: the canary is inconclusive. It resumes by itself when a look is healthy again; anyone trusted can cancel meanwhile.`;
  }
  if (view.unlockAt !== null) {
    if (view.at < view.unlockAt) {
      return `:lock: *Time lock* until ${slackDate(view.unlockAt)}. Anyone trusted can cancel until then; production starts after a last preflight.`;
    }
    const next = view.preflightRunning ? 'preflight is running' : 'waiting for the preflight';
    return `:unlock: *Time lock* ended ${slackDate(view.unlockAt)}: ${next}.`;
  }
  if (view.approvalExpiresAt !== null) {
    return `:hourglass: The request for approval expires ${slackDate(view.approvalExpiresAt)}.`;
  }
  return null;
}

function superseded(by: { readonly rolloutId: string; readonly sha: string }): string {
  return `:fast_forward: *This card is superseded* by rollout ${codeId(by.rolloutId)} for ${shortSha(by.sha)}. Its buttons no longer do anything and approvals given here do not carry over: use the new rollout's card.`;
}
