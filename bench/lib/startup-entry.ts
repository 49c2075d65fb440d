/** What the start-up child (startup-child.mjs) calls, as one entry for the bundled build. */
export { createLogger } from '../../src/adapters/log/create-logger.ts';
export { startBot } from '../../src/app/start-bot.ts';
export { parseConfig } from '../../src/config/parse-config.ts';
