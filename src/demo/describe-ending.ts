import type { Rollout } from '../core/types.ts';

/** Why the rollout ended, in one line, for the end of the transcript. */
export function describeEnding(rollout: Rollout | null, nameOf: (slackUser: string) => string): string {
  const ended = rollout?.ended;
  if (rollout === null || ended === null || ended === undefined) return 'why: the rollout never ended';
  const reason = ended.reason;
  switch (reason.code) {
    case 'verified':
      return 'why: production was deployed and verified; the card says "Deployed and verified"';
    case 'canary_unhealthy':
      return `why: the canary judge said UNHEALTHY (${rollout.canary.summary}); the canary was rolled back, no approval was asked for and production never ran`;
    case 'cancelled_by':
      return `why: ${nameOf(reason.user)} cancelled during the time lock; production never ran`;
    default:
      return `why: ${reason.code}`;
  }
}
