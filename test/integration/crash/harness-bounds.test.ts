import { afterAll, describe, expect, it } from 'vitest';
import { createCrashWorld } from './create-crash-world.ts';
import { createWarmPool } from './create-warm-pool.ts';
import { runCrashCase } from './run-crash-case.ts';
import { runOneCase, SIM_SPEED } from './run-one-case.ts';
import type { WarmChild } from './spawn-warm-child.ts';

/**
 * The crash harness never hangs (docs/crash-safety.md, "The hang"): a CI run once sat idle until
 * vitest's 900 s timeout. These provoke what hung it, and what else could, and expect a prompt
 * replacement or a failure that says what happened, with no bot process left behind.
 */
describe('the crash harness, when something goes wrong', () => {
  const loaded = new Set<WarmChild>();
  const pool = createWarmPool(2, {
    onSpawn: (w) => w.child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('WARM') && loaded.add(w)),
  });
  afterAll(async () => {
    await pool.close();
    expect(pool.running()).toBe(0);
  });

  it('replaces a warm process that died before it was taken, instead of waiting for its exit', {
    timeout: 120_000,
  }, async () => {
    const first = await pool.take();
    first.kill();
    await first.exited;
    // Both spares waiting in line, once loaded, die while they wait: their exit events are long
    // gone when they are taken (what hung CI: the old harness then awaited that exit forever).
    // Both, because which of the two loads first under load is not the order they are taken in.
    const spares = () => [...loaded].filter((w) => w !== first);
    while (spares().length < 2) await new Promise((resolve) => setTimeout(resolve, 50));
    const victims = spares();
    for (const victim of victims) victim.kill();
    await Promise.all(victims.map((victim) => victim.exited));
    const started = Date.now();
    const taken = await pool.take();
    expect(taken.alive()).toBe(true);
    expect(victims).not.toContain(taken);
    expect(pool.deadSpares()).toBe(2);
    expect(Date.now() - started).toBeLessThan(60_000);
    taken.kill();
    await taken.exited;
  });

  it('fails a bot that dies at boot with its exit and stderr, at once', { timeout: 120_000 }, async () => {
    const world = await createCrashWorld({ speed: SIM_SPEED, verifyFails: false });
    try {
      // An empty signing secret: the bot refuses to start (DESIGN.md, Slack contract).
      const broken = { ...world, env: { ...world.env, SLACK_SIGNING_SECRET: '' } };
      const c = { name: 'no secret', seed: 1, kills: [], cancel: false, verifyFails: false };
      const started = Date.now();
      const run = await runCrashCase(broken, c, pool, { label: 'case #1 "no secret"', deadline: started + 60_000 });
      expect(run.ended).toBe(false);
      expect(run.lives).toHaveLength(1);
      expect(run.lives[0]?.failure).toMatch(
        /^case #1 "no secret", life 0 \(not killed: the last life\): exited 1 .*stderr: /,
      );
      expect(run.lives[0]?.failure).toMatch(/SLACK_SIGNING_SECRET/);
    } finally {
      await world.close();
    }
  });

  it('gives up on a case at its time limit, names what it waited for and kills its bot', {
    timeout: 120_000,
  }, async () => {
    const c = { name: 'too slow', seed: 7, kills: [], cancel: false, verifyFails: false };
    // No rollout ends in 3 s (it takes about 12 s when idle): the case times out.
    const outcome = await runOneCase(c, { pool, number: 5, suiteSeed: 42, timeoutMs: 3000 });
    expect(outcome.unfinished).toBe(true);
    expect(outcome.violations.join('\n')).toMatch(
      /^case #5 "too slow" \(case seed 7, CRASH_SEED=42; kills: \), life 0 \(not killed: the last life\): case timeout waiting for .*; stderr: /m,
    );
    expect(outcome.ms).toBeLessThan(3000 + 30_000);
    expect(pool.running()).toBeLessThanOrEqual(2 + 1); // Spares (and one loading), no running bot.
  });
});
