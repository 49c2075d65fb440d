import { openDatabase } from '../adapters/db/open-database.ts';
import { ShiplockBootError } from '../adapters/db/shiplock-boot-error.ts';
import { formatConfigErrors, requireSecrets, type SecretName } from '../config/index.ts';
import type { CliIo } from './cli-io.ts';
import { loadConfig } from './config-check.ts';

/** The secrets the bot cannot run without (SLACK_APP_TOKEN and OPENAI_API_KEY are optional). */
const REQUIRED_SECRETS: readonly SecretName[] = [
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
  'GITHUB_WEBHOOK_SECRET',
  'GITHUB_TOKEN',
];

/**
 * `shiplock start`: the boot checks (config, secrets, database pragmas and migrations), then the
 * bot. Every failed check is reported with what to do, and nothing starts.
 */
export function start(configPath: string, io: CliIo): number {
  const config = loadConfig(configPath, io, 'start');
  if (config === null) return 1;
  const missing = requireSecrets(config, REQUIRED_SECRETS);
  if (missing.length > 0) {
    io.stderr('shiplock start: missing secrets in the environment:\n');
    io.stderr(formatConfigErrors(missing));
    return 1;
  }
  try {
    openDatabase(config.database).close();
  } catch (error) {
    if (!(error instanceof ShiplockBootError)) throw error;
    io.stderr(`shiplock start: ${error.code}: ${error.message}\n`);
    return 1;
  }
  io.stdout(`shiplock start: config, secrets and database (${config.database}) are ready.\n`);
  // Refusing is honest: the Slack and GitHub adapters are tracked in issues #3 and #4.
  io.stderr(
    'shiplock start: the Slack and GitHub adapters are not built yet (issues #3 and #4); nothing was started.\n',
  );
  return 2;
}
