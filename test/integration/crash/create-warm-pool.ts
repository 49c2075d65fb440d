/**
 * Bot processes started ahead of time (see test/support/crash-bot-child.ts): each has loaded its
 * modules and waits for its environment on stdin. A restart then costs what `startBot` costs, not
 * the loading, so a suite fits hundreds of kills in minutes.
 *
 * The child entry is bundled once per pool (bundle-crash-child.ts): loading one file is the cheapest
 * start a process can have.
 *
 * Nothing here waits without a bound (the suite once hung in CI for 900 s, docs/crash-safety.md):
 * every process's `exit` is listened for from its spawn on, so a spare that dies while it waits is
 * seen dead when taken and replaced; loading and taking have time limits; every process leads its
 * own process group, and `close()` (or the parent's exit) kills every group the pool started.
 */
import { rmSync } from 'node:fs';
import { bundleCrashChild } from './bundle-crash-child.ts';
import { settleWithin } from './settle-within.ts';
import { spawnWarmChild, type WarmChild } from './spawn-warm-child.ts';

/** How long `take()` waits for a live warm process by default (spares found dead are replaced). */
export const TAKE_TIMEOUT_MS = 90_000;
/** Replacements tried within one `take()` before it gives up. */
const TAKE_ATTEMPTS = 4;

/** Hands out warm processes, starting a replacement for each one taken. */
export interface WarmPool {
  /** A live warm process within `timeoutMs`, or a rejection saying what it waited for. */
  take(timeoutMs?: number): Promise<WarmChild>;
  /** Spares found dead when taken (and replaced). */
  deadSpares(): number;
  /** Processes of this pool not yet seen exited (taken or not). */
  running(): number;
  /** Kills every process group the pool started and waits (bounded) for them to exit. */
  close(): Promise<void>;
}

/** What else a pool is told. */
export interface WarmPoolOptions {
  /** Hears of every process the pool spawns (the harness tests kill spares with it). */
  readonly onSpawn?: (w: WarmChild) => void;
}

/** A pool keeping `size` processes warm (the first ones load while the bundle is built). */
export function createWarmPool(size: number, options: WarmPoolOptions = {}): WarmPool {
  const bundled = bundleCrashChild();
  const all = new Set<WarmChild>();
  let closed = false;
  let dead = 0;
  const spawnOne = (): Promise<WarmChild> => {
    const p = bundled.then(({ file }) => {
      if (closed) throw new Error('the warm pool is closed');
      return spawnWarmChild(file, (w) => {
        all.add(w);
        void w.exited.then(() => all.delete(w));
        options.onSpawn?.(w);
      });
    });
    p.catch(() => undefined); // Seen by whoever takes it; unhandled only if nobody does.
    return p;
  };
  const spares: Promise<WarmChild>[] = Array.from({ length: size }, spawnOne);
  const killAll = () => {
    for (const w of all) w.kill('SIGKILL');
  };
  let bundleDir: string | null = null;
  void bundled.then(
    ({ dir }) => {
      bundleDir = dir;
    },
    () => undefined,
  );
  // The parent ending any other way (a vitest timeout, an uncaught error) must not leave bots behind.
  const onParentExit = () => {
    killAll();
    if (bundleDir !== null) rmSync(bundleDir, { recursive: true, force: true });
  };
  process.once('exit', onParentExit);
  return {
    async take(timeoutMs = TAKE_TIMEOUT_MS) {
      const deadline = Date.now() + timeoutMs;
      const problems: string[] = [];
      for (let attempt = 0; attempt < TAKE_ATTEMPTS && !closed; attempt += 1) {
        const next = spares.shift() ?? spawnOne();
        spares.push(spawnOne());
        const got = await settleWithin(next, Math.max(0, deadline - Date.now()));
        if (got.kind === 'timeout') {
          void next.then(
            (w) => w.kill(),
            () => undefined,
          ); // Not wanted any more.
          problems.push(`no process finished loading within ${timeoutMs} ms`);
          break;
        }
        if (got.kind === 'rejected') {
          problems.push(String(got.error instanceof Error ? got.error.message : got.error));
          continue;
        }
        if (!got.value.alive()) {
          // The case that hung CI: a spare that died while it waited had its exit event long gone.
          dead += 1;
          problems.push(`a spare had died before it was taken (${got.value.stderrTail(3)})`);
          continue;
        }
        return got.value;
      }
      throw new Error(`no live warm bot process${closed ? ' (pool closed)' : ''}: ${problems.join('; ')}`);
    },
    deadSpares: () => dead,
    running: () => all.size,
    async close() {
      closed = true;
      process.off('exit', onParentExit);
      const spawned = spares.splice(0);
      killAll();
      // Spares still loading are killed as soon as they exist.
      for (const spare of spawned)
        void spare.then(
          (w) => w.kill(),
          () => undefined,
        );
      await settleWithin(Promise.allSettled([...spawned, ...[...all].map((w) => w.exited)]), 10_000);
      killAll();
      await settleWithin(Promise.all([...all].map((w) => w.exited)), 5_000);
      const bundle = await settleWithin(bundled, 10_000);
      if (bundle.kind === 'resolved') rmSync(bundle.value.dir, { recursive: true, force: true });
    },
  };
}
