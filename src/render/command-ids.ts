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

/** `block_id`s of the delegation-risk report (`/shiplock risk`, the Home tab) and its warning. */
export const RISK_BLOCK_ID = {
  header: 'shiplock.risk.header',
  system: 'shiplock.risk.system',
  components: 'shiplock.risk.components',
  chains: 'shiplock.risk.chains',
  authority: 'shiplock.risk.authority',
  incidents: 'shiplock.risk.incidents',
  warning: 'shiplock.risk.warning',
  homeTitle: 'shiplock.home.risk',
} as const;
