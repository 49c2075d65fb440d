import type { CrashPointName } from '../../../src/shell/crash-point.ts';
import { type CaseCheck, checkCrashCase } from './check-crash-case.ts';
import { type CrashCase, describeKill } from './crash-plan.ts';
import { createCrashWorld } from './create-crash-world.ts';
import type { WarmPool } from './create-warm-pool.ts';
import { type CaseRun, runCrashCase } from './run-crash-case.ts';
import { settleWithin } from './settle-within.ts';

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
  /** The harness could not finish the case (a timeout, no warm process, a process that would not die). */
  readonly unfinished: boolean;
  readonly violations: readonly string[];
  readonly ms: number;
}

/** Where and how one case runs. */
export interface CaseSetting {
  readonly pool: WarmPool;
  /** The case's number in the suite (1-based), for failure messages. */
  readonly number: number;
  /** The suite's seed, for failure messages: `CRASH_SEED=<it>` repeats the run. */
  readonly suiteSeed: number;
  readonly timeoutMs: number;
}

/** Beyond the case's own deadline: the last life's stop (15 s), its SIGKILL wait (10 s), clicks (12 s). */
const BACKSTOP_MS = 60_000;

function outcomeOf(c: CaseSetting & { c: CrashCase }, run: CaseRun, check: CaseCheck, started: number): CaseOutcome {
  const killedLives = run.lives.filter((l) => l.killed);
  const label = labelOf(c.c, c);
  return {
    name: c.c.name,
    seed: c.c.seed,
    kills: killedLives.length,
    pointsHit: killedLives.flatMap((l) => (l.kill?.kind === 'point' ? [l.kill.point] : [])),
    unreached: run.unreached,
    phase: check.phase,
    productionDeploys: check.productionDeploys,
    clicksLostToKills: check.clicksLostToKills,
    uncleanStops: run.lives.filter((l) => l.uncleanStop).length,
    unfinished: !run.ended,
    violations: check.violations.map((v) => (v.startsWith(label) ? v : `${label}: ${v}`)),
    ms: Date.now() - started,
  };
}

/** How a case is named in failure messages: enough to find it and to run it again. */
export function labelOf(c: CrashCase, setting: Pick<CaseSetting, 'number' | 'suiteSeed'>): string {
  const kills = c.kills.map((k) => describeKill(k)).join(', ');
  return `case #${setting.number} "${c.name}" (case seed ${c.seed}, CRASH_SEED=${setting.suiteSeed}; kills: ${kills})`;
}

function failedOutcome(c: CrashCase, setting: CaseSetting, why: string, started: number): CaseOutcome {
  return {
    name: c.name,
    seed: c.seed,
    kills: 0,
    pointsHit: [],
    unreached: [],
    phase: 'unfinished',
    productionDeploys: 0,
    clicksLostToKills: 0,
    uncleanStops: 0,
    unfinished: true,
    violations: [`${labelOf(c, setting)}: ${why}`],
    ms: Date.now() - started,
  };
}

/**
 * Runs one case end to end: world, lives, checks, cleanup. Never throws and never waits without a
 * bound: a case that cannot finish within `timeoutMs` (plus the time its last stop may take) comes
 * back as an unfinished outcome whose violation says why.
 */
export async function runOneCase(c: CrashCase, setting: CaseSetting): Promise<CaseOutcome> {
  const started = Date.now();
  const label = labelOf(c, setting);
  const made = await settleWithin(createCrashWorld({ speed: SIM_SPEED, verifyFails: c.verifyFails }), 30_000);
  if (made.kind !== 'resolved') {
    const why = made.kind === 'timeout' ? 'timed out' : String(made.error);
    return failedOutcome(c, setting, `creating its world: ${why}`, started);
  }
  const world = made.value;
  try {
    const limits = { label, deadline: started + setting.timeoutMs };
    const ran = await settleWithin(runCrashCase(world, c, setting.pool, limits), setting.timeoutMs + BACKSTOP_MS);
    if (ran.kind === 'timeout')
      return failedOutcome(
        c,
        setting,
        `the harness did not finish it within ${setting.timeoutMs + BACKSTOP_MS} ms`,
        started,
      );
    if (ran.kind === 'rejected') return failedOutcome(c, setting, `the harness threw: ${String(ran.error)}`, started);
    const run = ran.value;
    // A deploy script orphaned by a kill finishes on its own; give it a moment to write its line.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const check = checkCrashCase(world, run);
    return outcomeOf({ ...setting, c }, run, check, started);
  } catch (error) {
    return failedOutcome(c, setting, `checking it threw: ${error instanceof Error ? error.stack : error}`, started);
  } finally {
    await settleWithin(world.close(), 10_000);
  }
}
