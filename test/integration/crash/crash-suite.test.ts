import { appendFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CRASH_POINTS } from '../../../src/shell/crash-point.ts';
import { pointCases, randomKillCase } from './crash-plan.ts';
import { runCrashSuite } from './run-crash-suite.ts';

/**
 * The crash-safety suite (issue #6), the CI share of it: the whole bot in a child process (real
 * SQLite file, the Slack and GitHub stand-ins, a ledgering deploy script), killed with SIGKILL at
 * every named kill point once (two a case, in path order) and at random moments, restarted on the same files, until each
 * rollout ends. After each case: at most one production deploy per rollout and never before its
 * deadline, no deploy key run twice, a production interrupted after its claim ends `failed`, no
 * committed approval or cancel lost, clicks answered 200 recorded, the audit chain verifies.
 * `npx tsx scripts/crash-suite.ts --kills 2000` runs the long version (docs/crash-safety.md).
 *
 * CRASH_SEED repeats a run; CRASH_WORKERS sets the pool (default 3: most of a case is waiting);
 * CRASH_PROGRESS_FILE names a file that gets a line per finished case.
 */
const MIN_KILLS = 200;
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const WORKERS = Number(process.env.CRASH_WORKERS ?? '3');
const PROGRESS = process.env.CRASH_PROGRESS_FILE;

/**
 * Opt-in until a hang is found: one CI run (seed not recorded) stopped making progress after about
 * 5 minutes and hit the 900 s timeout, with every process idle (docs/crash-safety.md, "Known
 * problem"). `CRASH_SUITE=1 npm test` or `CRASH_SUITE=1 npx vitest run test/integration/crash` runs it.
 */
const ENABLED = process.env.CRASH_SUITE === '1';
if (!ENABLED) {
  console.warn(
    '\n*** crash-safety suite NOT RUN (opt-in while a harness hang is open): set CRASH_SUITE=1 to run ' +
      'its 200+ kills; test/integration/shell/crash-time-lock.test.ts still runs its 100. ***\n',
  );
}

describe.runIf(ENABLED)('crash safety of the whole bot (SIGKILL at named points and at random, restart)', () => {
  it(`keeps its promises over at least ${MIN_KILLS} kills`, { timeout: 900_000 }, async () => {
    const cases = pointCases({ seed: SEED, randomKillsPerCase: 2 });
    const { summary } = await runCrashSuite(cases, {
      workers: WORKERS,
      topUp: { minKills: MIN_KILLS, next: (i) => randomKillCase(SEED + i, 3) },
      retryUnreached: true,
      onCase: (o, done) => {
        if (PROGRESS !== undefined) {
          appendFileSync(
            PROGRESS,
            `${done} ${o.name}: ${o.kills} kills, ${o.phase}, ${o.ms} ms ${o.violations.join('; ')}\n`,
          );
        }
      },
    });
    console.log(
      `crash suite: seed ${SEED}, ${summary.cases} cases, ${summary.kills} kills ${JSON.stringify(summary.killsByKind)}, ` +
        `${summary.pointsHit}/${CRASH_POINTS.length} named points hit, outcomes ${JSON.stringify(summary.phases)}, ` +
        `${summary.productionDeploys} production deploys, ${summary.clicksLostToKills} clicks lost to kills, ` +
        `${Math.round(summary.wallMs / 1000)} s`,
    );
    expect(summary.violations).toEqual([]);
    expect(summary.kills).toBeGreaterThanOrEqual(MIN_KILLS);
    expect(summary.unreached).toEqual([]);
    expect(summary.pointsHit).toBe(CRASH_POINTS.length);
    // Enough rollouts must reach production, or the production checks prove little.
    expect(summary.productionDeploys).toBeGreaterThanOrEqual(summary.cases * 0.3);
  });
});
