/**
 * Speed of the native canary judge next to SciPy on the same data, in the same run (issue 5):
 * 20 continuous metrics at 1,440 and 5,000 samples per track (one day and ~3.5 days of minutes),
 * one look, timed after a warm-up: 5 runs before and 5 after SciPy's, the median of the 10, reported
 * per metric. Goal: under 5 ms per metric at 1,440 and under 50 ms at 5,000.
 *
 * SciPy's side (`scripts/canary/bench_scipy.py`, run with Debian's /usr/bin/python3 and its
 * python3-scipy) times what the judge's level test needs on the same seeded values, written to a
 * temporary JSON file: `mannwhitneyu` (two-sided, asymptotic) and the Hodges–Lehmann shift with its
 * Moses interval from the pairwise differences in NumPy, on log values. The judge does more per
 * metric (cleaning, autocorrelation, blocks, Holm, the trace); the Hodges–Lehmann estimates of both
 * sides are compared, so both really computed the same thing on the same data.
 *
 *   npx tsx bench/canary-speed.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type JudgeMetric, judgeCanary } from '../src/core/canary/judge/index.ts';
import { rng, series } from './lib/canary-scenarios.ts';
import { formatLine } from './lib/summarize.ts';

const SIZES = [1440, 5000] as const;
const GOAL_MS = { 1440: 5, 5000: 50 } as const;
const PYTHON = '/usr/bin/python3';
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '..', 'scripts', 'canary', 'bench_scipy.py');

interface SciPyMetric {
  readonly hl: number;
  readonly lower: number;
  readonly upper: number;
}
interface SciPyResult {
  readonly scipy: string;
  readonly numpy: string;
  readonly results: readonly { n: number; msPerMetric: number; metrics: readonly SciPyMetric[] }[];
}

function metrics(n: number): JudgeMetric[] {
  const u = rng(n);
  return Array.from({ length: 20 }, (_, i) => ({
    config: { name: `m${i}`, direction: 'increase', critical: false, margin: 0.1, kind: 'continuous' },
    canary: { values: series(u, n, 0, 'lognormal').map((v) => v * 1.02) },
    baseline: { values: series(u, n, 0, 'lognormal') },
  }));
}

const valuesOf = (track: JudgeMetric['canary']): readonly unknown[] => ('values' in track ? track.values : []);

/** The judge's run times over all 20 metrics (ms), after a warm-up, and its shift estimates. */
function timeJudge(input: Parameters<typeof judgeCanary>[0], runs: number): { times: number[]; estimates: number[] } {
  const judgement = judgeCanary(input);
  const times: number[] = [];
  for (let r = 0; r < runs; r += 1) {
    const t = performance.now();
    judgeCanary(input);
    times.push(performance.now() - t);
  }
  return { times, estimates: judgement.metrics.map((m) => Number(m.tests[0]?.effect.estimate)) };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return ((s[Math.floor((s.length - 1) / 2)] as number) + (s[Math.ceil((s.length - 1) / 2)] as number)) / 2;
};

/** Runs SciPy's side on the same data; throws with what to install when it cannot. */
function runSciPy(n: number, ms: readonly JudgeMetric[]): SciPyResult {
  const dir = mkdtempSync(join(tmpdir(), 'shiplock-canary-speed-'));
  try {
    const file = join(dir, 'data.json');
    const metricsData = ms.map((m) => ({
      name: m.config.name,
      canary: valuesOf(m.canary),
      baseline: valuesOf(m.baseline),
    }));
    writeFileSync(file, JSON.stringify({ sizes: [{ n, metrics: metricsData }] }));
    const run = spawnSync(PYTHON, [SCRIPT, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.error !== undefined) {
      throw new Error(`cannot run ${PYTHON} (${run.error.message}): install python3 and python3-scipy (Debian)`);
    }
    if (run.status !== 0) throw new Error(`${SCRIPT} failed (exit ${run.status}): ${run.stderr.trim()}`);
    return JSON.parse(run.stdout) as SciPyResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log('canary judge speed next to SciPy: 20 continuous metrics, one look, same data (medians after warm-up)');
for (const n of SIZES) {
  const ms = metrics(n);
  const input = { metrics: ms, look: 1, looks: 1 };
  const perSide = n.toLocaleString('en-US');
  // Judge, SciPy, judge again: machine noise that drifts during SciPy's run lands on both sides.
  const before = timeJudge(input, 5);
  let theirs: SciPyResult['results'][number] | undefined;
  try {
    const scipy = runSciPy(n, ms);
    theirs = scipy.results[0];
    if (n === SIZES[0]) console.log(`SciPy ${scipy.scipy}, NumPy ${scipy.numpy} (${PYTHON}, 5 runs)`);
  } catch (error) {
    console.log(`SciPy side not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
  const after = timeJudge(input, 5);
  const ours = median([...before.times, ...after.times]) / ms.length;
  const ratio = theirs === undefined ? undefined : { value: ours / theirs.msPerMetric, of: 'SciPy' };
  console.log(formatLine(`judge, ${perSide} per side (goal < ${GOAL_MS[n]} ms)`, ours, 'ms per metric', ratio));
  if (theirs === undefined) continue;
  const name = `SciPy (mannwhitneyu + HL + Moses), ${perSide} per side`;
  console.log(formatLine(name, theirs.msPerMetric, 'ms per metric', { value: theirs.msPerMetric / ours, of: 'judge' }));
  // The judge reports the shift as a ratio exp(HL of the logs); SciPy's side returns the log shift.
  const worst = Math.max(
    ...theirs.metrics.map((s, i) => Math.abs(Math.exp(s.hl) / (before.estimates[i] as number) - 1)),
  );
  console.log(`  same Hodges–Lehmann shifts on both sides: largest relative difference ${worst.toExponential(1)}`);
  if (!(worst < 1e-9)) {
    console.log('  the two sides disagree: not the same statistic on the same data');
    process.exitCode = 1;
  }
}
