import { dirname, resolve } from 'node:path';
import { ShiplockBootError } from '../adapters/db/shiplock-boot-error.ts';
import { createLogger } from '../adapters/log/create-logger.ts';
import { type Bot, startBot } from '../app/start-bot.ts';
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
 * `shiplock start`: the boot checks (config, secrets, sandbox, database pragmas and migrations,
 * the Slack token), then the bot, until SIGINT or SIGTERM. Every failed check is reported with
 * what to do, and nothing starts.
 */
export async function start(configPath: string, io: CliIo): Promise<number> {
  const config = loadConfig(configPath, io, 'start');
  if (config === null) return 1;
  const missing = requireSecrets(config, REQUIRED_SECRETS);
  if (missing.length > 0) {
    io.stderr('shiplock start: missing secrets in the environment:\n');
    io.stderr(formatConfigErrors(missing));
    return 1;
  }
  let bot: Bot;
  try {
    bot = await startBot({
      config,
      scriptDir: dirname(resolve(configPath)),
      env: io.env,
      logger: createLogger(io.env.LOG_LEVEL ?? 'info'),
    });
  } catch (error) {
    if (!(error instanceof ShiplockBootError) && !isShiplockError(error)) throw error;
    const code = error instanceof ShiplockBootError ? `${error.code}: ` : '';
    io.stderr(`shiplock start: ${code}${(error as Error).message}\nNothing was started.\n`);
    return 1;
  }
  io.stdout(
    `shiplock start: listening on ${bot.url} (Slack ${bot.slackMode === 'socket' ? 'in Socket Mode' : 'at /slack/events'}, GitHub at /github/webhook).\n`,
  );
  const signal = await (io.untilStopped?.() ?? Promise.resolve('no-wait'));
  io.stdout(`shiplock start: ${signal}: stopping; running commands finish first.\n`);
  await bot.stop();
  return 0;
}

/** Errors our adapters throw at boot carry a `shiplock_…` code (the sandbox probe, GitHub). */
function isShiplockError(error: unknown): boolean {
  return error instanceof Error && /^shiplock_[a-z_]+/.test(error.message);
}
