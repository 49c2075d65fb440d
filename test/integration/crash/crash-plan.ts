import { seededRandom } from '../../../src/sandbox/sample-service/seeded-random.ts';
import { CRASH_POINTS, type CrashPointName } from '../../../src/shell/crash-point.ts';

/**
 * How one life of the bot ends, if nothing else ends it first:
 * - `point`: it kills itself at the named kill point (`SHIPLOCK_CRASH_AT`, its `nth` occurrence);
 * - `random`: the parent sends SIGKILL `afterMs` after starting it;
 * - `production_running`: the parent sends SIGKILL as soon as the production deploy script has
 *   written its ledger line (the script is still running: its outcome is unknown to the bot).
 */
export type LifeKill =
  | { readonly kind: 'point'; readonly point: CrashPointName; readonly nth: number }
  | { readonly kind: 'random'; readonly afterMs: number }
  | { readonly kind: 'production_running' };

/** One crash case: a rollout driven through lives that are killed in turn, then one that is not. */
export interface CrashCase {
  readonly name: string;
  readonly seed: number;
  readonly kills: readonly LifeKill[];
  /** Someone clicks Cancel as soon as the rollout is time-locked. */
  readonly cancel: boolean;
  /**
   * Production verification fails (the world's health command exits 1), so the rollout rolls back;
   * otherwise it passes and the rollout ends `deployed`. Set for cases aimed at a rollback point and
   * for one case in four of the rest, so both the success path and the rollback path are crashed.
   */
  readonly verifyFails: boolean;
}

/** The share of cases (not aimed at a rollback point) whose production verification fails. */
const VERIFY_FAIL_SHARE = 0.25;

/** Whether a case's production verification should fail: always when it aims at a rollback point. */
function verifyFailsFor(kills: readonly LifeKill[], rand: () => number): boolean {
  const coin = rand() < VERIFY_FAIL_SHARE;
  return coin || kills.some((k) => k.kind === 'point' && k.point.startsWith('deploy.rollback.'));
}

/** How a life is killed, for progress lines and failure messages. */
export function describeKill(kill: LifeKill | null): string {
  if (kill === null) return 'not killed: the last life';
  if (kill.kind === 'point') return `kill point ${kill.point}${kill.nth === 1 ? '' : ` (occurrence ${kill.nth})`}`;
  if (kill.kind === 'random') return `random kill ${kill.afterMs} ms after start`;
  return 'killed while the production script runs';
}

/**
 * Random kills land anywhere from the start of a life (its boot, its recovery) to a few seconds
 * into it (real milliseconds): every life makes some progress or none, and the next one goes on.
 */
export const RANDOM_KILL_WINDOW_MS = 3000;

function randomKill(rand: () => number): LifeKill {
  return { kind: 'random', afterMs: Math.floor(rand() * RANDOM_KILL_WINDOW_MS) };
}

/**
 * Points only reached after an earlier crash: what must happen in a life before them. A deploy
 * found `started` at boot is only there when a life died while its script ran.
 */
const PRELUDES: Partial<Record<CrashPointName, LifeKill>> = {
  'recover.after_unknown': { kind: 'point', point: 'deploy.production.after_claim', nth: 1 },
};

/**
 * Roughly when a point is first reached in a rollout: 0 from the boot and the webhook on (and again
 * in every life), then staging, the canary and its timers, the approvals, production, and last the
 * verification and the rollback.
 */
function rankOf(point: CrashPointName): number {
  if (point.startsWith('deploy.staging.')) return 1;
  if (point.startsWith('deploy.canary.') || point.startsWith('exec.judge_canary.') || point.startsWith('timer.'))
    return 2;
  if (point.startsWith('slack.') || point.startsWith('exec.reply_ephemeral.')) return 3;
  if (point.startsWith('deploy.production.') || point.startsWith('exec.run_preflight.')) return 4;
  if (point.startsWith('deploy.rollback.') || point.startsWith('exec.run_verification.')) return 5;
  return 0;
}

/** A single-point case: the point (after its prelude), then `randomKills` random kills. */
export function pointCase(point: CrashPointName, seed: number, randomKills: number): CrashCase {
  const rand = seededRandom(seed);
  const prelude = PRELUDES[point];
  const kills: LifeKill[] = [...(prelude ? [prelude] : []), { kind: 'point', point, nth: 1 }];
  for (let k = 0; k < randomKills; k += 1) kills.push(randomKill(rand));
  return { name: point, seed, kills, cancel: false, verifyFails: verifyFailsFor(kills, rand) };
}

/**
 * The cases that visit every named point once (its first occurrence in a life): two points a case —
 * an early one in the first life, a later one in the next, so one rollout serves both — each case
 * then killed `randomKillsPerCase` times at random; plus production killed while it runs. A point
 * the rollout passed before its life is reported unreached (the suite runs it again on its own).
 */
export function pointCases(options: { readonly seed: number; readonly randomKillsPerCase: number }): CrashCase[] {
  const rand = seededRandom(options.seed);
  const single = CRASH_POINTS.filter((p) => PRELUDES[p] !== undefined);
  const paired = CRASH_POINTS.filter((p) => PRELUDES[p] === undefined);
  const early = paired.filter((p) => rankOf(p) === 0);
  const late = paired.filter((p) => rankOf(p) > 0).sort((a, b) => rankOf(a) - rankOf(b));
  const cases: CrashCase[] = [];
  const seed = () => options.seed + cases.length;
  for (const [i, first] of early.entries()) {
    const second = late[i];
    const kills: LifeKill[] = [{ kind: 'point', point: first, nth: 1 }];
    if (second !== undefined) kills.push({ kind: 'point', point: second, nth: 1 });
    for (let k = 0; k < options.randomKillsPerCase; k += 1) kills.push(randomKill(rand));
    const name = second === undefined ? first : `${first} + ${second}`;
    cases.push({ name, seed: seed(), kills, cancel: false, verifyFails: verifyFailsFor(kills, rand) });
  }
  for (const point of [...late.slice(early.length), ...single]) {
    cases.push(pointCase(point, seed(), options.randomKillsPerCase));
  }
  cases.push({
    name: 'production script running',
    seed: seed(),
    kills: [
      { kind: 'production_running' },
      ...Array.from({ length: options.randomKillsPerCase }, () => randomKill(rand)),
    ],
    cancel: false,
    verifyFails: false,
  });
  return cases;
}

/** A case of random kills only: `kills` of them (Cancel clicked in one case of four). */
export function randomKillCase(seed: number, kills: number): CrashCase {
  const rand = seededRandom(seed);
  const planned = Array.from({ length: kills }, () => randomKill(rand));
  const cancel = rand() < 0.25;
  return { name: `random kills ${seed}`, seed, kills: planned, cancel, verifyFails: verifyFailsFor(planned, rand) };
}

/**
 * A mixed case: 1–4 kills, each a named point (at a random occurrence, up to the 4th), a random
 * moment, or (one in twenty) production while it runs; Cancel clicked during the lock in one case
 * of four. A named point the rollout has passed in that life is simply not reached.
 */
export function randomCase(seed: number): CrashCase {
  const rand = seededRandom(seed);
  const kills = Array.from({ length: 1 + Math.floor(rand() * 4) }, (): LifeKill => {
    const roll = rand();
    if (roll < 0.05) return { kind: 'production_running' };
    if (roll < 0.55) {
      const point = CRASH_POINTS[Math.floor(rand() * CRASH_POINTS.length)] as CrashPointName;
      return { kind: 'point', point, nth: 1 + Math.floor(rand() * 4) };
    }
    return randomKill(rand);
  });
  const cancel = rand() < 0.25;
  return { name: `random ${seed}`, seed, kills, cancel, verifyFails: verifyFailsFor(kills, rand) };
}
