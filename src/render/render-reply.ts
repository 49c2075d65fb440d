import type { HumanAction, Refusal, Reply, SlackUserId } from '../core/types.ts';
import { type SlackMessage, section } from './blocks.ts';
import { BLOCK_ID } from './ids.ts';
import { mentionList, mentionUser } from './mention-user.ts';
import { phaseWords } from './phase-label.ts';
import { shortSha } from './short-sha.ts';

/** What a reply can name besides the reply itself: who else could approve. */
export interface ReplyContext {
  /** Eligible approvers to point to (for "ask another approver"), from the core's `stillEligible`. */
  readonly eligible?: readonly SlackUserId[];
}

const ACCEPTED: Readonly<Record<HumanAction, string>> = {
  approve:
    'Your approval is recorded. The time lock starts once enough approvers have approved; the card shows who is still needed.',
  reject: 'You rejected this rollout; your reason is on the card. Pushing a fix starts a new rollout.',
  cancel: 'You cancelled this rollout: it will not reach production. Pushing again starts a new rollout.',
  rollback: 'Rollback started. Follow it on the card and in its thread.',
  retry: 'The gate is running again; the card updates when it finishes.',
  acknowledge: 'You acknowledged this alert; the alert message now shows your name.',
  confirm_production:
    'Recorded: you checked production and it is fine. Nothing was deployed or rolled back; the card shows your name.',
};

/**
 * The one-sentence ephemeral answer to a click or command, only the actor sees it. Every refusal
 * says why and what to do next (issue 3: not a named approver, an author, stale card, already
 * decided, wrong phase…).
 */
export function renderReply(reply: Reply, context: ReplyContext = {}): SlackMessage {
  const text = replySentence(reply, context);
  return { text, blocks: [section(BLOCK_ID.reply, text)] };
}

/** The sentence of {@link renderReply}, as mrkdwn. */
export function replySentence(reply: Reply, context: ReplyContext = {}): string {
  return reply.kind === 'accepted' ? ACCEPTED[reply.action] : refusalSentence(reply.reason, context);
}

function refusalSentence(refusal: Refusal, context: ReplyContext): string {
  const others =
    context.eligible === undefined || context.eligible.length === 0 ? null : mentionList(context.eligible, 10);
  switch (refusal.code) {
    case 'unknown_rollout':
      return "shiplock doesn't know this rollout. Use `/shiplock list` to find the current one.";
    case 'not_named_approver':
      return `You are not a named approver for this repository, so your click doesn't count. ${others === null ? 'Ask a named approver' : `Ask one of ${others}`}, or an operator to add you in \`shiplock.yml\`.`;
    case 'author_of_change':
      return `You wrote part of this change, so your approval can't count. ${others === null ? 'Ask another named approver.' : `Ask another approver: ${others}.`}`;
    case 'identity_unmapped':
      return "Your Slack account isn't mapped to a GitHub login, so shiplock can't tell whether you wrote this change and your approval can't count. Ask an operator to add you under `people` in `shiplock.yml`.";
    case 'stale_card':
      return refusal.currentSha === null
        ? 'This card is out of date. Use the newest card for this pull request.'
        : `This card is for an older commit; the pull request is now at ${shortSha(refusal.currentSha)}. Use the newest card.`;
    case 'already_decided':
      return `This rollout is already ${phaseWords(refusal.phase)}; nothing changed. \`/shiplock status\` shows the current one.`;
    case 'already_approved':
      return 'You already approved this rollout; one person counts once.';
    case 'wrong_phase':
      return `That doesn't apply while the rollout is ${phaseWords(refusal.phase)}. ${nextStep(refusal.phase)}`;
    case 'production_started':
      return "Production has already started, so this can't be cancelled or rejected any more. If production looks wrong, use *Roll back* on the card.";
    case 'nothing_to_retry':
      return 'That gate has no error to retry: it is running, passed, or really failed (a failure needs a new push).';
    case 'unknown_alert':
      return "shiplock doesn't know this alert for this rollout; nothing changed.";
    case 'already_acknowledged':
      return `This alert was already acknowledged by ${mentionUser(refusal.by) ?? 'someone else'}; nothing changed.`;
    case 'already_resolved': {
      const by = mentionUser(refusal.by) ?? 'someone else';
      return refusal.kind === 'rollback'
        ? `${by} already chose *Roll back* for this production deploy; it runs once, so nothing changed. Follow it on the card.`
        : `${by} already checked production and confirmed it is fine, so nothing changed. If production is wrong now, roll back by hand with your runbook.`;
    }
  }
}

function nextStep(phase: Extract<Refusal, { code: 'wrong_phase' }>['phase']): string {
  switch (phase) {
    case 'reviewing':
    case 'testing':
    case 'staging':
    case 'canary':
      return 'Approvals open once the gates pass and the canary is healthy; the card will show the buttons.';
    case 'awaiting_approval':
    case 'time_locked':
      return 'Use the buttons the card shows now.';
    case 'deploying':
      return 'Production is deploying; Roll back becomes available while it is verified.';
    default:
      return '`/shiplock status` shows what the rollout is doing.';
  }
}
