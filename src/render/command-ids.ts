/**
 * `block_id`s of the `/shiplock` answers and the Home tab. Kept apart from `ids.ts` (the card's
 * ids) so the command surface can grow without touching the card's contract.
 */
export const COMMAND_BLOCK_ID = {
  notice: 'shiplock.command.notice',
  usage: 'shiplock.command.usage',
  list: 'shiplock.command.list',
  status: 'shiplock.command.status',
  why: 'shiplock.command.why',
  homeHeader: 'shiplock.home.header',
  homeIntro: 'shiplock.home.intro',
  homeApprovals: 'shiplock.home.approvals',
  homeLocks: 'shiplock.home.locks',
  homeRecent: 'shiplock.home.recent',
  homeFreezes: 'shiplock.home.freezes',
} as const;
