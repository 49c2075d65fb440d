/**
 * Runs crash cases on a small pool of workers (each case its own world, bot process and database)
 * and sums them up: kills by kind, final phases, named points reached, every broken promise.
 * Shared by the CI test (crash-suite.test.ts) and the long script (scripts/crash-suite.ts).
 */
import type { CrashPointName } from '../../../src/shell/crash-point.ts';
import { checkCrashCase } from './check-crash-case.ts';
import { type CrashCase, pointCase } from './crash-plan.ts';
import { createCrashWorld } from './create-crash-world.ts';
import { createWarmPool, type WarmPool } from './create-warm-pool.ts';
import { runCrashCase } from './run-crash-case.ts';

/** How fast the bot's clock runs: a 1-minute lock passes in half a second, a canary is old enough in 0.5 s. */
export const SIM_SPEED = 120;

/** One case's outcome. */
export interface CaseOutcome {
  readonly name: string;
  readonly seed: number;
  readonly kills: number;
  readonly pointsHit: readonly CrashPointName[];
  readonly unreached: readonly CrashPointName[];
  readonly phase: string;
  readonly productionDeploys: number;
  readonly clicksLostToKills: number;
  readonly uncleanStops: number;
  readonly violations: readonly string[];
  readonly ms: number;
}

/** The suite's summary (printed as JSON by the script, recorded in docs/crash-safety.md). */
export interface SuiteSummary {
  readonly cases: number;
  readonly kills: number;
  readonly killsByKind: Readonly<Record<string, number>>;
  readonly phases: Readonly<Record<string, number>>;
  readonly productionDeploys: number;
  readonly pointsHit: number;
  readonly unreached: readonly string[];
  readonly clicksLostToKills: number;
  /** Bots that, after their rollout ended, did not stop cleanly on SIGTERM (not a broken promise). */
  readonly uncleanStops: number;
  readonly violations: readonly string[];
  readonly wallMs: number;
}

/** Runs one case end to end: world, lives, checks, cleanup. */
export async function runOneCase(c: CrashCase, pool: WarmPool): Promise<CaseOutcome> {
  const started = Date.now();
  const world = await createCrashWorld({ speed: SIM_SPEED });
  try {
    const run = await runCrashCase(world, c, pool);
    // A deploy script orphaned by a kill finishes on its own; give it a moment to write its line.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const check = checkCrashCase(world, run);
    const killedLives = run.lives.filter((l) => l.killed);
    return {
      name: c.name,
      seed: c.seed,
      kills: killedLives.length,
      pointsHit: killedLives.flatMap((l) => (l.kill?.kind === 'point' ? [l.kill.point] : [])),
      unreached: run.unreached,
      phase: check.phase,
      productionDeploys: check.productionDeploys,
      clicksLostToKills: check.clicksLostToKills,
      uncleanStops: run.lives.filter((l) => l.uncleanStop).length,
      violations: check.violations.map((v) => `${c.name} (seed ${c.seed}): ${v}`),
      ms: Date.now() - started,
    };
  } finally {
    await world.close();
  }
}

const bump = (tally: Record<string, number>, key: string, by = 1) => {
  tally[key] = (tally[key] ?? 0) + by;
};

/** What {@link runCrashSuite} is told. */
export interface SuiteOptions {
  readonly workers: number;
  /** Hears each outcome as it comes (progress). */
  readonly onCase?: (outcome: CaseOutcome, done: number) => void;
  /**
   * Once the planned cases are taken, more cases from `next` until this many kills happened
   * (counting what running cases planned, so the pool does not overshoot by much).
   */
  readonly topUp?: { readonly minKills: number; readonly next: (index: number) => CrashCase };
  /** A named point a case planned and never reached is run once more, in a case of its own. */
  readonly retryUnreached?: boolean;
}

/** Runs `cases` with `options.workers` in parallel, then tops up to `topUp.minKills` kills. */
export async function runCrashSuite(
  cases: readonly CrashCase[],
  options: SuiteOptions,
): Promise<{ summary: SuiteSummary; outcomes: CaseOutcome[] }> {
  const started = Date.now();
  const queue = [...cases];
  const all = [...cases];
  const outcomes: CaseOutcome[] = [];
  const pool = createWarmPool(Math.max(1, options.workers) + 1);
  let kills = 0;
  let pending = 0;
  const retried = new Set<CrashPointName>();
  const nextCase = (): CrashCase | undefined => {
    const planned = queue.shift();
    if (planned !== undefined || options.topUp === undefined) return planned;
    if (kills + pending >= options.topUp.minKills) return undefined;
    const extra = options.topUp.next(all.length);
    all.push(extra);
    return extra;
  };
  const worker = async () => {
    for (let c = nextCase(); c !== undefined; c = nextCase()) {
      pending += c.kills.length;
      const outcome = await runOneCase(c, pool);
      pending -= c.kills.length;
      kills += outcome.kills;
      outcomes.push(outcome);
      if (options.retryUnreached === true) {
        for (const point of outcome.unreached) {
          if (retried.has(point)) continue;
          retried.add(point);
          const retry = pointCase(point, c.seed + 100_000, 1);
          queue.push(retry);
          all.push(retry);
        }
      }
      options.onCase?.(outcome, outcomes.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, options.workers) }, worker));
  } finally {
    pool.close();
  }
  return { summary: summarize(all, outcomes, Date.now() - started), outcomes };
}

function summarize(cases: readonly CrashCase[], outcomes: readonly CaseOutcome[], wallMs: number): SuiteSummary {
  const phases: Record<string, number> = {};
  const killsByKind: Record<string, number> = {};
  const hit = new Set<string>();
  const planned = new Set<string>();
  for (const c of cases) for (const k of c.kills) if (k.kind === 'point') planned.add(k.point);
  for (const o of outcomes) {
    bump(phases, o.phase);
    for (const p of o.pointsHit) hit.add(p);
    bump(killsByKind, 'named point', o.pointsHit.length);
    bump(killsByKind, 'random or while production runs', o.kills - o.pointsHit.length);
  }
  return {
    cases: outcomes.length,
    kills: outcomes.reduce((n, o) => n + o.kills, 0),
    killsByKind,
    phases,
    productionDeploys: outcomes.reduce((n, o) => n + o.productionDeploys, 0),
    pointsHit: hit.size,
    unreached: [...planned].filter((p) => !hit.has(p)).sort(),
    clicksLostToKills: outcomes.reduce((n, o) => n + o.clicksLostToKills, 0),
    uncleanStops: outcomes.reduce((n, o) => n + o.uncleanStops, 0),
    violations: outcomes.flatMap((o) => o.violations),
    wallMs,
  };
}
