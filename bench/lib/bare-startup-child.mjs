/**
 * The start-up benchmark's baseline (bench/startup-recovery.ts): a plain node process that opens
 * the same SQLite file with better-sqlite3 and reads and parses every pull request's snapshot, then
 * prints `DONE {json}` with the milliseconds since the process started and its peak memory.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';

const loadedMs = performance.now();
const db = new Database(join(process.env.BENCH_DIR ?? '', 'shiplock.db'), { readonly: true });
let rollouts = 0;
for (const row of db.prepare('SELECT state FROM pull_requests').iterate()) {
  if (row.state !== null) rollouts += JSON.parse(row.state).rollouts.length;
}
db.close();
const readyMs = performance.now();
const memory = { rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024 };
process.stdout.write(`DONE ${JSON.stringify({ loadedMs, readyMs, rollouts, ...memory })}\n`);
