import type { UnmetCondition } from '../core/explain-rollout.ts';
import type { Policy, Rollout } from '../core/types.ts';
import { packSections, type SlackMessage } from './blocks.ts';
import { COMMAND_BLOCK_ID } from './command-ids.ts';
import { describeEnd } from './describe-end.ts';
import { describeHold } from './describe-hold.ts';
import { fitMessage } from './fit-message.ts';
import { formatDuration } from './format-duration.ts';
import { mentionList } from './mention-user.ts';
import { safeMrkdwn } from './mrkdwn.ts';
import { phaseWords } from './phase-label.ts';
import { rolloutLine } from './rollout-line.ts';
import { slackDate } from './slack-date.ts';
import { canaryVerdictLabel, gateStatusLabel, stageLabel } from './status-labels.ts';

/**
 * `/shiplock why`: every condition production still waits for (the core's `explainRollout`), one
 * line each, saying who can meet it. An empty list says production may start at the next check.
 */
export function renderWhy(rollout: Rollout, conditions: readonly UnmetCondition[], policy: Policy): SlackMessage {
  const gateName = (id: string) => policy.gates.find((g) => g.id === id)?.name ?? id;
  return fitMessage((scale) => {
    const max = Math.floor(300 * scale);
    const lines =
      conditions.length === 0
        ? ['Nothing is left to meet: production starts at the next preflight.']
        : conditions.map((c) => `• ${conditionLine(c, max, gateName)}`);
    const head = `${rolloutLine(rollout, Math.floor(150 * scale))}\n*Why it is not in production yet:*`;
    return {
      text: `Why this rollout is waiting: ${conditions.length} condition${conditions.length === 1 ? '' : 's'}`,
      blocks: packSections(COMMAND_BLOCK_ID.why, [head, ...lines]),
    };
  });
}

function conditionLine(c: UnmetCondition, max: number, gateName: (id: string) => string): string {
  switch (c.code) {
    case 'ended':
      return `It is ${phaseWords(c.phase)}. ${c.reason === null ? '' : describeEnd(c.reason, max, gateName)} A new push starts a new rollout.`;
    case 'production_started':
      return `Production has started (${phaseWords(c.phase)}); nothing is left to approve. Roll back from the card if it looks wrong.`;
    case 'gate_not_passed':
      return `Blocking gate *${safeMrkdwn(gateName(c.gateId), 100)}* is ${c.status === 'missing' ? 'not started' : gateStatusLabel(c.status)}. ${c.status === 'error' ? 'Anyone named can press Retry on the card.' : c.status === 'failed' ? 'The author must push a fix.' : 'It runs by itself.'}`;
    case 'deploy_not_succeeded':
      return `The ${stageLabel(c.stage).toLowerCase()} deploy has not succeeded yet; it runs by itself after the gates.`;
    case 'canary_not_healthy':
      return `The canary is ${canaryVerdictLabel(c.verdict)}; only a healthy canary opens approvals.`;
    case 'approvals_needed': {
      const seats = c.seats.map((s) => `${safeMrkdwn(s.name, 40)} ${s.filled} of ${s.quorum}`).join(', ');
      const who =
        c.eligible.length === 0
          ? 'nobody eligible is left: ask an operator to name more approvers'
          : mentionList(c.eligible, 15);
      return `${c.missing} more approval${c.missing === 1 ? '' : 's'} needed${seats === '' ? '' : ` (group seats: ${seats})`}. Can approve: ${who}.`;
    }
    case 'time_lock':
      return c.unlockAt === null
        ? `The ${formatDuration(c.remainingMs)} time lock starts once the approvals are in.`
        : `The time lock ends ${slackDate(c.unlockAt)} (in ${formatDuration(c.remainingMs)}); anyone named can cancel until then.`;
    case 'time_lock_paused':
      return `The time lock is paused since ${slackDate(c.since)} with ${formatDuration(c.remainingMs)} left: the canary is inconclusive. It resumes by itself when a look is healthy again; anyone named can cancel meanwhile.`;
    case 'frozen':
      return `${describeHold({ code: 'frozen', freeze: c.freeze }, max)} Can lift it: ${mentionList(c.liftableBy, 15) || 'no named approver'}.`;
    case 'held':
      return describeHold(c.hold, max);
  }
}
