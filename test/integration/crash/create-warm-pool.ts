/**
 * Bot processes started ahead of time (see test/support/crash-bot-child.ts): each has loaded its
 * modules and waits for its environment on stdin. A restart then costs what `startBot` costs, not
 * the loading, so a suite fits hundreds of kills in minutes.
 *
 * The child entry is bundled once per pool with esbuild, our sources and the packages in one file
 * (only better-sqlite3, a native addon, is loaded from node_modules): every kill costs a process,
 * and loading one file takes about half the CPU of resolving and reading hundreds of package files
 * (0.65 s against 1.25 s a process, measured 2026-11-24), itself a third of transpiling our sources
 * through tsx. The bundle sits three directories below the repository, as
 * `src/adapters/db/open-database.ts` does, so its `import.meta.url`-relative migrations directory is
 * the repository's. (pino finds its worker files through `__dirname` only for transports, which the
 * bot does not use.)
 *
 * Nothing here waits without a bound (the suite once hung in CI for 900 s, docs/crash-safety.md):
 * every process's `exit` is listened for from its spawn on, so a spare that dies while it waits is
 * seen dead when taken and replaced; loading and taking have time limits; every process leads its
 * own process group, and `close()` (or the parent's exit) kills every group the pool started.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { settleWithin } from './settle-within.ts';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const CHILD = join(ROOT, 'test/support/crash-bot-child.ts');
/** A process that has not printed WARM by then is killed (loading takes about a second when idle). */
const LOAD_TIMEOUT_MS = 60_000;
/** How long `take()` waits for a live warm process by default (spares found dead are replaced). */
export const TAKE_TIMEOUT_MS = 90_000;
/** Replacements tried within one `take()` before it gives up. */
const TAKE_ATTEMPTS = 4;

/** How a process ended. */
export interface ChildExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** A loaded bot process, not started yet. */
export interface WarmChild {
  readonly child: ChildProcess;
  /** Settles when the process has exited; listened for since its spawn, so an early death is never missed. */
  readonly exited: Promise<ChildExit>;
  /** No exit seen, and the process has neither an exit code nor a signal. */
  alive(): boolean;
  /** Its stderr so far (the last 4,000 characters). */
  stderr(): string;
  /** The last `lines` lines of its stderr, on one line, for failure messages. */
  stderrTail(lines?: number): string;
  /** Starts the bot with these variables added to its environment. */
  go(env: Readonly<Record<string, string>>): void;
  /** Signals the whole process group (default SIGKILL); a no-op once it has exited. */
  kill(signal?: NodeJS.Signals): void;
}

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

/** Bundles the child entry; returns the bundle's path and its directory (to delete). */
async function bundleChild(): Promise<{ readonly file: string; readonly dir: string }> {
  const dir = join(ROOT, 'node_modules/.cache', `shiplock-crash-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, '../../../migrations')))
    throw new Error('crash pool: the bundle would not find migrations/');
  const file = join(dir, 'crash-bot-child.mjs');
  await build({
    entryPoints: [CHILD],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    // The packages are CommonJS: their `require` of node built-ins needs one in an ES module.
    banner: {
      js: "import { createRequire as __crashRequire } from 'node:module';\nconst require = __crashRequire(import.meta.url);",
    },
    outfile: file,
    logLevel: 'error',
  });
  return { file, dir };
}

const describeExit = (e: ChildExit) => (e.signal === null ? `exit code ${e.code}` : `signal ${e.signal}`);

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal); // detached: the child leads its own group
  } catch {
    try {
      child.kill(signal);
    } catch {
      // Already gone.
    }
  }
}

/** Spawns one process and resolves once it printed WARM (rejects if it dies or takes too long). */
function spawnWarm(bundle: string, onSpawn: (w: WarmChild) => void): Promise<WarmChild> {
  const child = spawn(process.execPath, [bundle], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      ...(process.env.TMPDIR === undefined ? {} : { TMPDIR: process.env.TMPDIR }),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  let err = '';
  let exit: ChildExit | null = null;
  child.stderr?.on('data', (chunk: Buffer) => {
    err = (err + chunk.toString()).slice(-4000);
  });
  // A write to a process that died meanwhile fails with EPIPE: its exit says what happened.
  child.stdin?.on('error', () => undefined);
  const exited = new Promise<ChildExit>((resolveExit) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolveExit(exit);
    });
    child.once('error', (error) => {
      err += `\nspawn error: ${error.message}`;
      exit = exit ?? { code: null, signal: null };
      resolveExit(exit);
    });
  });
  const warm: WarmChild = {
    child,
    exited,
    alive: () => exit === null && child.exitCode === null && child.signalCode === null,
    stderr: () => err,
    stderrTail: (lines = 8) => {
      const tail = err.trim().split('\n').slice(-lines).join(' | ');
      return tail === '' ? '(no stderr)' : tail;
    },
    go: (env) => child.stdin?.end(`${JSON.stringify(env)}\n`),
    kill: (signal = 'SIGKILL') => {
      if (warm.alive()) killGroup(child, signal);
    },
  };
  onSpawn(warm);
  return new Promise((resolveWarm, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      warm.kill();
      reject(new Error(`a bot process did not load within ${LOAD_TIMEOUT_MS} ms: ${warm.stderrTail()}`));
    }, LOAD_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes('WARM\n')) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolveWarm(warm);
    };
    child.stdout?.on('data', onData);
    void exited.then((e) => {
      clearTimeout(timer);
      reject(new Error(`a bot process exited while loading (${describeExit(e)}): ${warm.stderrTail()}`));
    });
  });
}

/** What else a pool is told. */
export interface WarmPoolOptions {
  /** Hears of every process the pool spawns (the harness tests kill spares with it). */
  readonly onSpawn?: (w: WarmChild) => void;
}

/** A pool keeping `size` processes warm (the first ones load while the bundle is built). */
export function createWarmPool(size: number, options: WarmPoolOptions = {}): WarmPool {
  const bundled = bundleChild();
  const all = new Set<WarmChild>();
  let closed = false;
  let dead = 0;
  const spawnOne = (): Promise<WarmChild> => {
    const p = bundled.then(({ file }) => {
      if (closed) throw new Error('the warm pool is closed');
      return spawnWarm(file, (w) => {
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
