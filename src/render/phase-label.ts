import type { Phase } from '../core/types.ts';

const LABELS: Readonly<Record<Phase, string>> = {
  reviewing: ':mag: Reviewing',
  testing: ':test_tube: Testing',
  staging: ':building_construction: Deploying to staging',
  canary: ':hatching_chick: Canary',
  awaiting_approval: ':raised_hand: Awaiting approval',
  time_locked: ':lock: Time lock',
  deploying: ':rocket: Deploying to production',
  verifying: ':eyes: Verifying production',
  deployed: ':white_check_mark: Deployed',
  rejected: ':no_entry: Rejected',
  cancelled: ':black_square_for_stop: Cancelled',
  superseded: ':fast_forward: Superseded',
  rolled_back: ':rewind: Rolled back',
  failed: ':rotating_light: Failed — a human must look',
  expired: ':hourglass: Expired',
};

/** The phase as the card shows it (mrkdwn, with an emoji shortcode). */
export function phaseLabel(phase: Phase): string {
  return LABELS[phase];
}

/** The phase in plain words, for notification text and ephemeral replies. */
export function phaseWords(phase: Phase): string {
  return LABELS[phase].replace(/^:[a-z_]+: /, '').toLowerCase();
}
