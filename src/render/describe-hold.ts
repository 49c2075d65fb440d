import type { HoldReason } from '../core/types.ts';
import { freezeAuthor } from './freeze-author.ts';
import { safeMrkdwn } from './mrkdwn.ts';
import { slackDate } from './slack-date.ts';
import { canaryVerdictLabel } from './status-labels.ts';

const BLOCKERS: Readonly<Record<string, string>> = {
  not_time_locked: 'the rollout is not in its time lock',
  gate_not_passed: 'a blocking gate has not passed',
  deploy_not_succeeded: 'staging or canary has not succeeded',
  canary_not_healthy: 'the canary is not healthy',
  quorum_not_met: 'the approval quorum is not met',
  lock_not_expired: 'the time lock has not expired',
  head_moved: 'the pull request head moved',
  frozen: 'deploys are frozen',
  window_closed: 'the deploy window is closed',
  already_claimed: 'production was already claimed',
};

/**
 * Why production is held at preflight, as one mrkdwn sentence that says what happens next. The
 * freeze reason was typed by a human into `/shiplock freeze`: it is escaped and cut to `max`.
 */
export function describeHold(hold: HoldReason, max: number): string {
  switch (hold.code) {
    case 'frozen': {
      const by = freezeAuthor(hold.freeze);
      const reason = safeMrkdwn(hold.freeze.reason, max).trim() || 'no reason given';
      return `Deploys are frozen by ${by} since ${slackDate(hold.freeze.at)}: ${reason}. Production waits until \`/shiplock freeze off\`.`;
    }
    case 'window_closed':
      return hold.nextWindowAt === null
        ? 'Outside the deploy window, and no window is scheduled. Production waits for the next one.'
        : `Outside the deploy window. Production retries when it opens, ${slackDate(hold.nextWindowAt)}.`;
    case 'canary_not_healthy':
      return `The canary is ${canaryVerdictLabel(hold.verdict)}; production waits until it is healthy again.`;
    case 'not_ready': {
      const words = hold.blockers.slice(0, 10).map(blockerWords);
      return `Not ready for production: ${words.join('; ') || 'unknown reason'}. Preflight retries shortly.`;
    }
  }
}

function blockerWords(code: string): string {
  return (Object.hasOwn(BLOCKERS, code) ? BLOCKERS[code] : undefined) ?? safeMrkdwn(code, 40);
}
