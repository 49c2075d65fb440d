/** The CLI's help text. */
export const USAGE = `Usage: shiplock <command> [options]

Commands:
  start [--config FILE]                 run the bot (Slack + GitHub + timers)
  config check [--config FILE]          validate shiplock.yml and the environment, list every problem
  audit verify [--db FILE] [--expect-head SEQ:HASH]
                                        verify the hash-chained event log and the snapshots
  logs ROLLOUT [--db FILE]              list a rollout's gate and deploy runs and print their whole output
  help                                  show this text

Defaults: --config is $SHIPLOCK_CONFIG or ./shiplock.yml; --db is the config's database
(or $SHIPLOCK_DB, or ./shiplock.db). Secrets come only from the environment (see .env.example).
`;
