/**
 * The whole bot as `shiplock start` builds it (`startBot`), in its own process, for the crash-safety
 * suite (test/integration/crash/). This file is its composition root: it reads the environment the
 * parent prepared — the stand-ins' endpoints and secrets, `SHIPLOCK_CRASH_AT`/`SHIPLOCK_CRASH_NTH`,
 * which `startBot` hands to `configureCrashPoints` — and the one thing `shiplock start` does not
 * have: a clock that runs `CRASH_SPEED` times faster than the wall clock from `CRASH_T0` on, the
 * same in every life of a run, so a canary window of minutes and a time lock pass in seconds. The
 * parent's Slack stand-in and the ledgering deploy script use the same clock.
 *
 * Loading the bot's modules takes seconds and a restart should take far less, so the parent starts
 * each process ahead of time: it prints `WARM` once its modules are loaded and waits for one line on
 * stdin, a JSON object of environment variables (the case's: where its files and stand-ins are, and
 * the kill point of this life), added to its own environment. Then it starts the bot, prints
 * `READY <url>` once serving, and stops cleanly on SIGTERM; the parent kills it with SIGKILL (or it
 * kills itself at its crash point) and starts another on the same files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createLogger } from '../../src/adapters/log/create-logger.ts';
import { startBot } from '../../src/app/start-bot.ts';
import { parseConfig } from '../../src/config/parse-config.ts';

process.stdout.write('WARM\n');
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const go = await lines.next();
if (go.done === true) process.exit(0); // The parent did not need this process after all.
const env: Record<string, string | undefined> = { ...process.env, ...(JSON.parse(go.value) as Record<string, string>) };
const dir = env.CRASH_DIR ?? '';
const t0 = Number(env.CRASH_T0);
const speed = Number(env.CRASH_SPEED ?? '1');
if (dir === '' || !Number.isFinite(t0)) throw new Error('crash-bot-child: CRASH_DIR and CRASH_T0 are required');

const parsed = parseConfig(readFileSync(join(dir, 'shiplock.yml'), 'utf8'), env);
if (!parsed.ok) throw new Error(`crash-bot-child: config: ${JSON.stringify(parsed.errors)}`);
const bot = await startBot({
  config: parsed.config,
  scriptDir: dir,
  env,
  logger: createLogger(env.SHIPLOCK_TEST_LOG ?? 'silent'),
  clock: { now: () => t0 + (Date.now() - t0) * speed },
  port: 0,
});
process.stdout.write(`READY ${bot.url}\n`);
// `on`, not `once`: a second SIGTERM during the stop must not kill it half-way.
let stopping = false;
process.on('SIGTERM', () => {
  if (stopping) return;
  stopping = true;
  void bot.stop().then(() => process.exit(0));
});
