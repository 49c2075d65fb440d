/**
 * The decision benchmark of the native canary judge (CANARY.md §6.4.4, §6.5): the whole gate —
 * 10 metrics judged at 6 planned looks over growing windows of 10…60 per-minute samples per track —
 * on synthetic A/A data (false alarms; goal ≤ 1 %) and A/B data (power; goal ≥ 90 % for +20 % p99
 * latency or a doubled error rate at 60 samples per track), for AR(1) ρ ∈ {0, 0.5, 0.8}.
 *
 * Rates are printed with their Wilson 95 % interval, so a cell's run count shows in its precision.
 *
 *   npx tsx bench/canary-decisions.ts [runs=2000] [--only=<cells>]   (A/A cells get `runs`, power cells runs/2)
 *
 * `--only` runs a comma-separated subset, each `<cell>@<rho>` or `<cell>` (every ρ), where a cell is
 * `aa` or a power cell's name without spaces (`p99+20%`, `errors×2`, `leak500kB/min`…); seeds do
 * not depend on the subset, so a cell gives the same figures alone as in the full run.
 */
import { judgeCanary } from '../src/core/canary/judge/index.ts';
import { gateRun, type Injection } from './lib/canary-scenarios.ts';

const args = process.argv.slice(2);
const RUNS = Number(args.find((a) => !a.startsWith('--')) ?? 2000);
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')
  .map((c) => c.split('@'));
/** Whether a cell (name without spaces) at ρ is selected by `--only`. */
const wanted = (cell: string, rho: number) =>
  only === undefined || only.some(([c, r]) => c === cell.replaceAll(' ', '') && (r === undefined || Number(r) === rho));
const LOOKS = 6;

/** The first look (1…6) at which the gate says unhealthy, or 0 for never. */
function firstAlarm(seed: number, rho: number, inject: Injection): number {
  const at = gateRun(seed, rho, inject);
  for (let look = 1; look <= LOOKS; look += 1) {
    if (judgeCanary({ metrics: at(10 * look), look, looks: LOOKS }).verdict === 'unhealthy') return look;
  }
  return 0;
}

function rate(rho: number, inject: Injection, runs: number, salt: number): { p: number; meanLook: number } {
  let hits = 0;
  let looks = 0;
  for (let i = 0; i < runs; i += 1) {
    const look = firstAlarm(1 + salt * 100_003 + i, rho, inject);
    if (look > 0) {
      hits += 1;
      looks += look;
    }
  }
  return { p: hits / runs, meanLook: hits === 0 ? 0 : looks / hits };
}

const pct = (p: number) => `${(100 * p).toFixed(1)} %`;

/** Wilson score interval (95 %) of a proportion, as "[lo, hi] %". */
function wilson(p: number, n: number): string {
  const z = 1.959964;
  const mid = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n)) * 100;
  return `[${Math.max(0, 100 * mid - half).toFixed(2)}, ${Math.min(100, 100 * mid + half).toFixed(2)}] %`;
}
const started = performance.now();
console.log(`canary decision benchmark: ${RUNS} runs per cell, 10 metrics × ${LOOKS} looks, α_family 0.01\n`);
console.log('A/A false-alarm rate of the whole gate (goal ≤ 1 %)');
for (const rho of [0, 0.5, 0.8]) {
  if (!wanted('aa', rho)) continue;
  const r = rate(rho, {}, RUNS, Math.round(rho * 10));
  console.log(`  ρ = ${rho.toFixed(1)}: ${pct(r.p)} (${Math.round(r.p * RUNS)}/${RUNS}, 95 % CI ${wilson(r.p, RUNS)})`);
}
const powerRuns = Math.max(50, Math.round(RUNS / 2));
console.log(`\nPower (A/B, regression in one metric; ${powerRuns} runs per cell; mean look of the first alarm)`);
const cells: [string, Injection][] = [
  ['p99 +10 %', { p99: 1.1 }],
  ['p99 +20 %', { p99: 1.2 }],
  ['p99 +30 %', { p99: 1.3 }],
  ['p99 +50 %', { p99: 1.5 }],
  ['errors ×1.5', { errors: 1.5 }],
  ['errors ×2', { errors: 2 }],
  ['errors ×3', { errors: 3 }],
  ['leak 100 kB/min', { leak: 100e3 }],
  ['leak 500 kB/min', { leak: 500e3 }],
];
for (const rho of [0, 0.5, 0.8]) {
  const row = cells.flatMap(([name, inject], i) => {
    if (!wanted(name, rho)) return [];
    const r = rate(rho, inject, powerRuns, 50 + i + rho * 10);
    return [`${name}: ${pct(r.p)} ${wilson(r.p, powerRuns)}${r.p > 0 ? ` (look ${r.meanLook.toFixed(1)})` : ''}`];
  });
  if (row.length > 0) console.log(`  ρ = ${rho.toFixed(1)}:\n    ${row.join('\n    ')}`);
}
console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s)`);
