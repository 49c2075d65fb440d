/**
 * The bot as `shiplock start` builds it (`startBot`), in its own process, for the start-up
 * benchmark (bench/startup-recovery.ts). Plain JavaScript so it can run the bundled build
 * (`BENCH_MODULES=<dir>/dist/startup-entry.js`, no loader: bundled as `npm run build` bundles
 * `dist/main.js`) or the sources (`BENCH_MODULES=<repo>/src` with `--import tsx`).
 *
 * Reads `BENCH_DIR` (shiplock.yml, the database) and the stand-ins' endpoints and secrets from the
 * environment, starts the bot, checks `/healthz`, and prints one `READY {json}` line: milliseconds
 * since the process started (`performance.now()`'s origin) when the modules were loaded, when
 * `startBot` was called and returned and when `/healthz` answered, and the memory so far. On a line
 * on stdin it prints `RSS {json}` (peak since start) and stops as on SIGTERM.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

const modules = process.env.BENCH_MODULES ?? '';
const load = (path) => import(pathToFileURL(join(modules, `${path}.ts`)).href);
const [{ createLogger }, { startBot }, { parseConfig }] = modules.endsWith('.js')
  ? await import(pathToFileURL(modules).href).then((bundle) => [bundle, bundle, bundle])
  : await Promise.all([load('adapters/log/create-logger'), load('app/start-bot'), load('config/parse-config')]);
const loadedMs = performance.now();
const dir = process.env.BENCH_DIR ?? '';
const parsed = parseConfig(readFileSync(join(dir, 'shiplock.yml'), 'utf8'), process.env);
if (!parsed.ok) throw new Error(`startup-child: config: ${JSON.stringify(parsed.errors)}`);
const startedMs = performance.now();
const bot = await startBot({
  config: parsed.config,
  scriptDir: dir,
  env: process.env,
  logger: createLogger('warn'),
  port: 0,
});
const startBotMs = performance.now();
const health = await fetch(`${bot.url}/healthz`);
const readyMs = performance.now();
const memory = () => ({ rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024 });
const ready = { loadedMs, startedMs, startBotMs, readyMs, healthz: health.status, ...memory() };
process.stdout.write(`READY ${JSON.stringify(ready)}\n`);
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
await lines.next();
process.stdout.write(`RSS ${JSON.stringify(memory())}\n`);
await bot.stop();
process.exit(0);
