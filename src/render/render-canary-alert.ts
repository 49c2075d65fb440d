import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { context, header, type SlackMessage, section } from './blocks.ts';
import type { AlertAction, CanaryAlertView } from './canary-alert-view.ts';
import { fitMessage } from './fit-message.ts';
import { ACTION_ID, BLOCK_ID, toAlertButtonValue, toButtonValue } from './ids.ts';
import { mentionUser } from './mention-user.ts';
import { plainString, plainText, safeMrkdwn } from './mrkdwn.ts';
import { phaseWords } from './phase-label.ts';
import { codeId, shortSha } from './short-sha.ts';
import { slackDate } from './slack-date.ts';
import { SLACK_LIMITS } from './validate-blocks.ts';

/** Labels shown on the message; more are counted, not shown. */
const MAX_LABELS = 12;

/**
 * The canary alert message for the alerts channel (issues 3 and 5): what fired, which rollout,
 * baseline vs canary, the status with Slack date tokens, who acknowledged, and the Roll back and
 * Acknowledge buttons. Post it with `unfurl_links: false, unfurl_media: false` and update it in
 * place. Alert labels and annotations are untrusted: escaped and shrunk until the message fits.
 */
export function renderCanaryAlert(view: CanaryAlertView): SlackMessage {
  return fitMessage((scale) => renderAt(view, scale));
}

function renderAt(view: CanaryAlertView, scale: number): SlackMessage {
  const cap = (n: number): number => Math.floor(n * scale);
  const name = cap(100) > 0 ? plainString(view.name, cap(100)) : '';
  const firing = view.status === 'firing';
  const blocks: KnownBlock[] = [
    header(
      BLOCK_ID.alertHeader,
      `${firing ? 'Canary alert firing' : 'Canary alert resolved'}${name ? `: ${name}` : ''}`,
    ),
  ];
  const summary = cap(1000) > 0 ? safeMrkdwn(view.summary, cap(1000)).trim() : '';
  if (summary !== '') blocks.push(section(BLOCK_ID.alertSummary, summary));
  blocks.push(section(BLOCK_ID.alertRollout, rolloutLine(view, cap(140))));
  blocks.push(section(BLOCK_ID.alertStatus, statusLines(view)));
  blocks.push(section(BLOCK_ID.alertCanary, canaryLines(view, cap)));
  const labels = labelLine(view, cap(160));
  if (labels !== '') blocks.push(context(BLOCK_ID.alertLabels, [labels]));
  blocks.push(section(BLOCK_ID.alertAck, ackLine(view)));
  const actions = renderActions(view);
  if (actions !== null) blocks.push(actions);
  const repo = cap(140) > 0 ? ` on ${safeMrkdwn(view.repo, cap(140))} #${view.prNumber}` : '';
  const text = `shiplock: canary alert ${firing ? 'firing' : 'resolved'}${name ? ` — ${safeMrkdwn(view.name, cap(100))}` : ''}${repo}`;
  return { text, blocks };
}

function rolloutLine(view: CanaryAlertView, repoCap: number): string {
  const repo = repoCap > 0 ? `${safeMrkdwn(view.repo, repoCap)} ` : '';
  const pr = Number.isSafeInteger(view.prNumber) ? `#${view.prNumber}` : '';
  return `*Rollout* ${codeId(view.rolloutId)} · ${repo}${pr} at ${shortSha(view.sha)} · now ${phaseWords(view.phase)}`;
}

function statusLines(view: CanaryAlertView): string {
  const lines = [
    view.status === 'firing'
      ? `:rotating_light: *Firing* since ${slackDate(view.startsAt)}`
      : `:white_check_mark: *Resolved*${view.endsAt === null ? '' : ` ${slackDate(view.endsAt)}`} (fired ${slackDate(view.startsAt)})`,
  ];
  if (view.stoppedRollout) {
    lines.push(
      `This alert cancelled the rollout before production.${view.rollbackClaimed ? ' The canary rollback was started.' : ''}`,
    );
  } else if (view.rollbackClaimed) {
    lines.push('A rollback was started for this rollout.');
  }
  return lines.join('\n');
}

function canaryLines(view: CanaryAlertView, cap: (n: number) => number): string {
  const lines: string[] = [];
  if ((view.baseline !== null || view.canary !== null) && cap(200) > 0) {
    const value = (v: string | null) => (v === null ? 'not given' : safeMrkdwn(v, cap(200)));
    lines.push(
      `*Baseline vs canary* (from the alert): baseline ${value(view.baseline)} · canary ${value(view.canary)}`,
    );
  }
  const verdict = view.verdict ?? 'not judged yet';
  const summary = cap(600) > 0 ? safeMrkdwn(view.verdictSummary, cap(600)).trim() : '';
  lines.push(`*Last canary verdict*: ${verdict}${summary === '' ? '' : ` — ${summary}`}`);
  return lines.join('\n');
}

function labelLine(view: CanaryAlertView, each: number): string {
  if (each === 0 || view.labels.length === 0) return '';
  const shown = view.labels
    .slice(0, MAX_LABELS)
    .map(([key, value]) => `${safeMrkdwn(key, Math.min(each, 60))}=${safeMrkdwn(value, each)}`);
  const more = view.labels.length - shown.length;
  return `Labels: ${shown.join(' · ')}${more > 0 ? ` · ${more} more` : ''}`;
}

function ackLine(view: CanaryAlertView): string {
  if (view.acknowledgedBy === null) return 'Not acknowledged yet.';
  const who = mentionUser(view.acknowledgedBy) ?? 'an unknown user';
  const when = view.acknowledgedAt === null ? '' : ` ${slackDate(view.acknowledgedAt)}`;
  return `:eyes: Acknowledged by ${who}${when}`;
}

function renderActions(view: CanaryAlertView): ActionsBlock | null {
  const buttons = view.actions.flatMap((action) => {
    const b = toButton(action, view);
    return b === null ? [] : [b];
  });
  return buttons.length === 0 ? null : { type: 'actions', block_id: BLOCK_ID.alertActions, elements: buttons };
}

function toButton(action: AlertAction, view: CanaryAlertView): Button | null {
  switch (action) {
    case 'rollback': {
      const value = toButtonValue({ rolloutId: view.rolloutId, sha: view.sha });
      if (value === null) return null;
      const change = `${plainString(view.repo, 80)} #${view.prNumber} at ${plainString(view.sha.slice(0, 7), 7)}`;
      return {
        type: 'button',
        action_id: ACTION_ID.rollback,
        text: plainText('Roll back', SLACK_LIMITS.buttonText),
        value,
        style: 'danger',
        confirm: {
          title: plainText('Roll back?', SLACK_LIMITS.confirmTitle),
          text: plainText(
            `This asks shiplock to run the rollback script for ${change}. It applies while production is verified; an ended rollout says so.`,
            SLACK_LIMITS.confirmText,
          ),
          confirm: plainText('Roll back', SLACK_LIMITS.confirmButton),
          deny: plainText('Back', SLACK_LIMITS.confirmButton),
          style: 'danger',
        },
      };
    }
    case 'acknowledge': {
      const value = toAlertButtonValue({ rolloutId: view.rolloutId, alertId: view.alertId });
      if (value === null) return null;
      return {
        type: 'button',
        action_id: ACTION_ID.acknowledgeAlert,
        text: plainText('Acknowledge', SLACK_LIMITS.buttonText),
        value,
      };
    }
  }
}
