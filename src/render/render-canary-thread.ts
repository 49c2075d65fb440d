import type { CanaryMetricRow, EpochMs, Rollout, SlackUserId, ThreadMessage } from '../core/types.ts';
import { packSections, type SlackMessage, section } from './blocks.ts';
import { fitMessage } from './fit-message.ts';
import { formatDuration } from './format-duration.ts';
import { BLOCK_ID } from './ids.ts';
import { mentionList } from './mention-user.ts';
import { safeMrkdwn } from './mrkdwn.ts';
import { slackDate } from './slack-date.ts';
import { canaryVerdictLabel, metricVerdictLabel } from './status-labels.ts';

/** Metrics listed in full at full scale; more are counted. */
const TRACE_ROWS = 30;
/** Most approvers mentioned when the lock pauses (each mention is ~14 characters). */
const PAUSE_MENTIONS = 25;

/**
 * A look whose verdict changed (issue 5): the verdict, the judge's one line, and every metric's
 * full trace — medians, effect and interval, margin, raw and Holm-adjusted p against the look's α,
 * samples, the rule that fired, data-quality flags and the judge's reason. The rows are read from
 * the rollout while they are still this look's (`canary.at` is the judgement's time); a later
 * look replaces them, and then the message says so rather than show another look's numbers.
 */
export function renderCanaryJudged(
  message: Extract<ThreadMessage, { readonly kind: 'canary_judged' }>,
  rollout: Rollout,
): SlackMessage {
  const head = `:bar_chart: *Canary look ${message.look}* ${canaryVerdictLabel(message.verdict)} · ${slackDate(message.judgedAt)}`;
  const text = `Canary look ${message.look}: ${message.verdict}`;
  const { canary } = rollout;
  if (canary.at !== message.judgedAt) {
    const line = `${head}\nA later look has replaced this look's trace since; the card shows the latest verdict.`;
    return { text, blocks: [section(BLOCK_ID.thread, line)] };
  }
  return fitMessage((scale) => {
    const summary = canary.summary === '' ? '' : `\n${safeMrkdwn(canary.summary, Math.floor(600 * scale))}`;
    const score =
      canary.score === undefined
        ? ''
        : `\nKayenta-style score ${Math.round(canary.score)}/100 (for information; it never decides).`;
    const rows = canary.metrics ?? [];
    const shown = rows.slice(0, Math.max(3, Math.floor(TRACE_ROWS * scale)));
    const lines = [`${head}${summary}${score}`, ...shown.map((r) => traceLines(r, scale))];
    if (rows.length === 0) lines.push('_No per-metric trace was recorded for this look._');
    if (rows.length > shown.length) lines.push(`…and ${rows.length - shown.length} more metrics.`);
    return { text, blocks: packSections(BLOCK_ID.thread, lines) };
  });
}

/** One metric's trace as a few lines: verdict and rule, numbers, p-values and samples, flags, reason. */
function traceLines(r: CanaryMetricRow, scale: number): string {
  const cut = (s: string, n: number) => safeMrkdwn(s, Math.max(8, Math.floor(n * scale)));
  const name = `*${cut(r.name, 80)}*${r.critical ? ' (critical)' : ''}`;
  const lines = [
    `• ${name}: ${metricVerdictLabel(r.verdict)} — ${cut(r.test, 20)}, ${cut(r.rule.slice(0, 80).replaceAll('_', ' '), 40)}`,
    `    baseline ${cut(r.baseline, 24)} · canary ${cut(r.canary, 24)} · effect ${cut(r.effect, 24)} (${cut(r.interval, 60)}) · margin ${cut(r.margin, 40)}`,
    `    p ${cut(r.pRaw, 16)} · Holm-adjusted ${cut(r.pAdjusted, 16)} · α ${cut(r.alpha, 16)} · samples ${cut(r.samples, 60)}`,
  ];
  const flags = r.flags.slice(0, 8).map((f) => cut(f, 60));
  if (flags.length > 0) lines.push(`    flags: ${flags.join('; ')}`);
  if (r.reason !== '') lines.push(`    ${cut(r.reason, 300)}`);
  return lines.join('\n');
}

/**
 * The countdown stopped because the canary turned inconclusive (issue 5): it asks the counted
 * approvers to look (mentions only of well-formed ids from our own state), says what is left and
 * that it resumes by itself, and that Cancel on the card stops the change.
 */
export function renderLockPaused(remainingMs: number, approvers: readonly SlackUserId[]): SlackMessage {
  const who = mentionList(approvers, PAUSE_MENTIONS);
  const lines = [
    `:pause_button: ${who === '' ? '' : `${who}: `}the time lock is *paused* with ${formatDuration(remainingMs)} left because the canary is inconclusive.`,
    'It resumes by itself when a look is healthy again; an unhealthy look stops the rollout and rolls the canary back.',
    'To stop this change now, press Cancel on the card.',
  ];
  return {
    text: 'The time lock is paused: the canary is inconclusive.',
    blocks: [section(BLOCK_ID.thread, lines.join('\n'))],
  };
}

/** The countdown runs again after a healthy look: no mentions, it needs nobody. */
export function renderLockResumed(unlockAt: EpochMs): SlackMessage {
  const line = `:arrow_forward: The canary is healthy again: the time lock runs again and ends ${slackDate(unlockAt)}.`;
  return { text: 'The time lock runs again.', blocks: [section(BLOCK_ID.thread, line)] };
}
