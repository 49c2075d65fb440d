/**
 * The crash-safety suite for longer checks (issue #6): every named kill point once, then mixed
 * cases (named points at a random occurrence, random moments, production killed while it runs,
 * Cancel during the lock, verification failing in one case of four) until at least `--kills` kills
 * happened. Prints the seed first, a progress line every 50 kills, every broken promise as soon as
 * it is found, and at the end a summary block to paste into docs/crash-safety.md ("Last long run");
 * exits 1 when any promise was broken or a case could not be finished.
 *
 *   npx tsx scripts/crash-suite.ts --kills 2000 [--seed N] [--workers 4] [--minutes M] [--verbose]
 *
 * `--minutes` stops taking new cases after that long (the summary says how many kills fit);
 * `--verbose` prints a line per case. Ctrl-C stops it, kills every bot process and prints what ran.
 */
import { cpus, loadavg, release, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { CRASH_POINTS } from '../src/shell/crash-point.ts';
import { pointCases, randomCase } from '../test/integration/crash/crash-plan.ts';
import { drawSeed } from '../test/integration/crash/draw-seed.ts';
import { formatSummary } from '../test/integration/crash/format-summary.ts';
import { runCrashSuite } from '../test/integration/crash/run-crash-suite.ts';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '2000' },
    workers: { type: 'string', default: '4' },
    seed: { type: 'string' },
    minutes: { type: 'string', default: '0' },
    verbose: { type: 'boolean', default: false },
  },
});
const minKills = Number(values.kills);
const workers = Number(values.workers);
const seed = drawSeed(values.seed);
const budgetMs = Number(values.minutes) > 0 ? Number(values.minutes) * 60_000 : undefined;
const PROGRESS_EVERY = 50;

const started = Date.now();
const startedAt = new Date(started).toISOString();
const loads: number[] = [];
const sampleLoad = () => {
  const one = loadavg()[0] ?? 0;
  loads.push(one);
  return one.toFixed(1);
};
const elapsed = () => {
  const s = Math.round((Date.now() - started) / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
};

process.stdout.write(
  `crash suite: seed ${seed} (repeat with --seed ${seed}), at least ${minKills} kills, ${workers} workers, ` +
    `started ${startedAt}, load ${sampleLoad()}\n`,
);

const stop = new AbortController();
process.once('SIGINT', () => {
  process.stdout.write('SIGINT: no new cases; killing every bot process and summing up what ran\n');
  stop.abort();
});

let kills = 0;
let nextReport = PROGRESS_EVERY;
const phases: Record<string, number> = {};
const { summary } = await runCrashSuite(pointCases({ seed, randomKillsPerCase: 3 }), {
  workers,
  seed,
  signal: stop.signal,
  ...(budgetMs === undefined ? {} : { budgetMs }),
  topUp: { minKills, next: (index) => randomCase(seed + index) },
  retryUnreached: true,
  onCase: (outcome, done) => {
    kills += outcome.kills;
    phases[outcome.phase] = (phases[outcome.phase] ?? 0) + 1;
    if (values.verbose) {
      process.stdout.write(`[${elapsed()}] case ${done} ${outcome.name}: ${outcome.kills} kills, ${outcome.phase}\n`);
    }
    for (const v of outcome.violations) process.stdout.write(`[${elapsed()}] BROKEN: ${v}\n`);
    if (kills >= nextReport) {
      while (nextReport <= kills) nextReport += PROGRESS_EVERY;
      process.stdout.write(
        `[${elapsed()}] ${kills}/${minKills} kills, ${done} cases, outcomes ${JSON.stringify(phases)}, load ${sampleLoad()}\n`,
      );
    }
  },
});

sampleLoad();
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const machine =
  `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Linux ${release()}, Node ${process.version}, ` +
  `load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} (1-minute, sampled every ${PROGRESS_EVERY} kills)`;
process.stdout.write(
  [
    '',
    '--- summary (paste into docs/crash-safety.md, "Last long run") ---',
    `date:               ${startedAt}`,
    `command:            npx tsx scripts/crash-suite.ts --kills ${minKills} --seed ${seed} --workers ${workers}${budgetMs === undefined ? '' : ` --minutes ${values.minutes}`}`,
    formatSummary(summary, { points: CRASH_POINTS.length }),
    `machine:            ${machine}`,
    `result:             ${summary.violations.length === 0 && summary.kills >= minKills ? 'PASSED' : 'FAILED'}`,
    '---',
    '',
  ].join('\n'),
);
process.exitCode = summary.violations.length === 0 && summary.unfinished === 0 ? 0 : 1;
