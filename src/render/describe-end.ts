import type { EndReason } from '../core/types.ts';
import { mentionUser } from './mention-user.ts';
import { safeMrkdwn } from './mrkdwn.ts';
import { codeId, shortSha } from './short-sha.ts';
import { stageLabel } from './status-labels.ts';

/**
 * Why the rollout ended, as one mrkdwn sentence. Human-typed reasons (reject) and script output
 * (verification summary) are escaped and cut to `max`; gate names come from `gateName`.
 */
export function describeEnd(reason: EndReason, max: number, gateName: (id: string) => string): string {
  switch (reason.code) {
    case 'gate_failed':
      return `The blocking gate *${safeMrkdwn(gateName(reason.gateId), 100)}* failed. Push a fix to start a new rollout.`;
    case 'deploy_failed':
      return `The ${stageLabel(reason.stage).toLowerCase()} deploy failed.`;
    case 'deploy_outcome_unknown':
      return `The ${stageLabel(reason.stage).toLowerCase()} deploy started and never reported; it is never re-run automatically.`;
    case 'canary_unhealthy':
      return 'The canary was unhealthy and was rolled back.';
    case 'canary_alert':
      return `The canary alert *${safeMrkdwn(reason.alertName, 100).trim() || 'unnamed'}* fired, so the rollout was cancelled (a deployed canary is rolled back). Details in the alerts channel.`;
    case 'rejected_by':
      return `Rejected by ${who(reason.user)}: “${safeMrkdwn(reason.reason, max).trim() || 'no reason given'}”`;
    case 'cancelled_by':
      return `Cancelled by ${who(reason.user)}.`;
    case 'pr_closed':
      return 'The pull request was closed.';
    case 'head_moved':
      return `The pull request head moved to ${shortSha(reason.headSha)} before production.`;
    case 'superseded_by':
      return `Superseded by rollout ${codeId(reason.rolloutId)} for ${shortSha(reason.sha)}.`;
    case 'approval_expired':
      return 'Nobody approved in time: the request for approval expired.';
    case 'verification_failed':
      return `Production verification failed: ${safeMrkdwn(reason.summary, max).trim() || 'no details'}`;
    case 'rolled_back_by':
      return `Rolled back by ${who(reason.user)}.`;
    case 'rollback_failed':
      return ':rotating_light: The rollback failed — a human must look at production now.';
    case 'verified':
      return 'Deployed and verified.';
  }
}

function who(user: string): string {
  return mentionUser(user) ?? 'an unknown user';
}
