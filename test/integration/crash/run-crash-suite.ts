/**
 * Runs crash cases on a small pool of workers (each case its own world, bot process and database)
 * and sums them up: kills by kind, final phases, named points reached, every broken promise.
 * Shared by the CI test (crash-suite.test.ts) and the long script (scripts/crash-suite.ts).
 */
import type { CrashPointName } from '../../../src/shell/crash-point.ts';
import { type CrashCase, pointCase } from './crash-plan.ts';
import { createWarmPool } from './create-warm-pool.ts';
import { type CaseOutcome, runOneCase } from './run-one-case.ts';

/** The suite's summary (printed as JSON by the script, recorded in docs/crash-safety.md). */
export interface SuiteSummary {
  readonly seed: number;
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
  /** Cases the harness could not finish (each also a violation). */
  readonly unfinished: number;
  /** Warm processes found dead when taken, and replaced (the cause of the CI hang). */
  readonly deadSpares: number;
  /** Stopped taking cases after too many unfinished ones (the rest would likely fail the same way). */
  readonly stoppedEarly: boolean;
  readonly violations: readonly string[];
  readonly wallMs: number;
}

const bump = (tally: Record<string, number>, key: string, by = 1) => {
  tally[key] = (tally[key] ?? 0) + by;
};

/** What {@link runCrashSuite} is told. */
export interface SuiteOptions {
  readonly workers: number;
  /** The suite's seed, named in every failure (`CRASH_SEED=<seed>` repeats the run). */
  readonly seed: number;
  /** Per-case time limit (wall clock); default {@link CASE_TIMEOUT_MS}. */
  readonly caseTimeoutMs?: number;
  /** Stop taking cases after this many could not be finished (default 3): fail fast, not slowly. */
  readonly maxUnfinished?: number;
  /** No case is started after this long (wall clock); cases in progress still end. */
  readonly budgetMs?: number;
  /** Aborting stops taking cases and kills every bot process at once (a test's afterAll). */
  readonly signal?: AbortSignal;
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

/**
 * A case takes 5–40 s (a loaded 2-core machine at the slow end); past this it is failed. Its lives
 * have their own 45 s limit without progress.
 */
export const CASE_TIMEOUT_MS = 180_000;

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
  const onAbort = () => void pool.close();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let kills = 0;
  let pending = 0;
  let unfinished = 0;
  let taken = 0;
  const maxUnfinished = options.maxUnfinished ?? 3;
  const retried = new Set<CrashPointName>();
  const budgetEnds = started + (options.budgetMs ?? Number.POSITIVE_INFINITY);
  const nextCase = (): CrashCase | undefined => {
    if (unfinished >= maxUnfinished || options.signal?.aborted === true || Date.now() > budgetEnds) return undefined;
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
      taken += 1;
      const setting = {
        pool,
        number: taken,
        suiteSeed: options.seed,
        timeoutMs: options.caseTimeoutMs ?? CASE_TIMEOUT_MS,
      };
      const outcome = await runOneCase(c, setting);
      pending -= c.kills.length;
      if (outcome.unfinished) unfinished += 1;
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
    options.signal?.removeEventListener('abort', onAbort);
    await pool.close();
  }
  const extra = { seed: options.seed, deadSpares: pool.deadSpares(), stoppedEarly: unfinished >= maxUnfinished };
  return { summary: summarize(all, outcomes, Date.now() - started, extra), outcomes };
}

function summarize(
  cases: readonly CrashCase[],
  outcomes: readonly CaseOutcome[],
  wallMs: number,
  extra: Pick<SuiteSummary, 'seed' | 'deadSpares' | 'stoppedEarly'>,
): SuiteSummary {
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
    seed: extra.seed,
    cases: outcomes.length,
    kills: outcomes.reduce((n, o) => n + o.kills, 0),
    killsByKind,
    phases,
    productionDeploys: outcomes.reduce((n, o) => n + o.productionDeploys, 0),
    pointsHit: hit.size,
    unreached: [...planned].filter((p) => !hit.has(p)).sort(),
    clicksLostToKills: outcomes.reduce((n, o) => n + o.clicksLostToKills, 0),
    uncleanStops: outcomes.reduce((n, o) => n + o.uncleanStops, 0),
    unfinished: outcomes.filter((o) => o.unfinished).length,
    deadSpares: extra.deadSpares,
    stoppedEarly: extra.stoppedEarly,
    violations: outcomes.flatMap((o) => o.violations),
    wallMs,
  };
}
