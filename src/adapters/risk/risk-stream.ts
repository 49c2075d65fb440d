/**
 * The `pr_key` of the risk ledger's stream in the event log. Not of the form `owner/repo#N`, so no
 * pull request can ever share it; `shiplock audit verify` checks the stream with its own fold.
 */
export const RISK_STREAM = 'shiplock:risk';
