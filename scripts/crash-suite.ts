/**
 * The crash-safety suite for longer checks (issue #6): every named kill point once, then mixed
 * cases (named points at a random occurrence, random moments, production killed while it runs,
 * Cancel during the lock) until at least `--kills` kills happened. Prints one line per case and a
 * final JSON summary; exits 1 when any promise was broken. docs/crash-safety.md records the last
 * result.
 *
 *   npx tsx scripts/crash-suite.ts --kills 2000 [--workers 3] [--seed 1] [--minutes 25]
 *
 * `--minutes` stops taking new cases after that long (the summary says how many kills fit).
 */
import { parseArgs } from 'node:util';
import { pointCases, randomCase } from '../test/integration/crash/crash-plan.ts';
import { runCrashSuite } from '../test/integration/crash/run-crash-suite.ts';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '2000' },
    workers: { type: 'string', default: '3' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    minutes: { type: 'string', default: '0' },
  },
});
const minKills = Number(values.kills);
const workers = Number(values.workers);
const seed = Number(values.seed);
const deadline = Number(values.minutes) > 0 ? Date.now() + Number(values.minutes) * 60_000 : Number.POSITIVE_INFINITY;
const started = Date.now();
let kills = 0;

process.stdout.write(`crash suite: seed ${seed}, at least ${minKills} kills, ${workers} workers\n`);
const { summary } = await runCrashSuite(pointCases({ seed, randomKillsPerCase: 2 }), {
  workers,
  topUp: {
    // Past the deadline the top-up asks for no more kills than already happened.
    get minKills() {
      return Date.now() > deadline ? 0 : minKills;
    },
    next: (index) => randomCase(seed + index),
  },
  retryUnreached: true,
  onCase: (outcome, done) => {
    kills += outcome.kills;
    const secs = Math.round((Date.now() - started) / 1000);
    const broken = outcome.violations.length === 0 ? '' : ` BROKEN: ${outcome.violations.join('; ')}`;
    process.stdout.write(
      `[${secs}s] case ${done} ${outcome.name}: ${outcome.kills} kills (total ${kills}), ${outcome.phase}${broken}\n`,
    );
  },
});
process.stdout.write(`${JSON.stringify({ seed, date: new Date().toISOString(), ...summary }, null, 2)}\n`);
process.exitCode = summary.violations.length === 0 ? 0 : 1;
