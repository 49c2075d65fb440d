/**
 * Bot processes started ahead of time (see test/support/crash-bot-child.ts): each has loaded its
 * modules and waits for its environment on stdin. A restart then costs what `startBot` costs, not
 * the loading, so a suite fits hundreds of kills in minutes.
 *
 * The child entry is bundled once per pool with esbuild (our sources in one file, packages left to
 * node_modules): loading it costs about a third of the CPU of transpiling hundreds of files through
 * tsx in every process, and every kill costs a process. The bundle sits three directories below the
 * repository, as `src/adapters/db/open-database.ts` does, so its `import.meta.url`-relative
 * migrations directory is the repository's.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const CHILD = join(ROOT, 'test/support/crash-bot-child.ts');

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
    packages: 'external',
    outfile: file,
    logLevel: 'warning',
  });
  return { file, dir };
}

/** A loaded bot process, not started yet. */
export interface WarmChild {
  readonly child: ChildProcess;
  /** Its stderr so far (the last 4,000 characters). */
  stderr(): string;
  /** Starts the bot with these variables added to its environment. */
  go(env: Readonly<Record<string, string>>): void;
}

/** Hands out warm processes, starting a replacement for each one taken. */
export interface WarmPool {
  take(): Promise<WarmChild>;
  close(): void;
}

function warm(bundle: string): Promise<WarmChild> {
  const child = spawn(process.execPath, [bundle], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      ...(process.env.TMPDIR === undefined ? {} : { TMPDIR: process.env.TMPDIR }),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    err = (err + chunk.toString()).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes('WARM\n')) return;
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      resolve({
        child,
        stderr: () => err,
        go: (env) => child.stdin?.end(`${JSON.stringify(env)}\n`),
      });
    };
    const onExit = (code: number | null) => reject(new Error(`crash child exited ${code} while loading: ${err}`));
    child.stdout?.on('data', onData);
    child.on('exit', onExit);
  });
}

/** A pool keeping `size` processes warm (the first ones load while the bundle is built). */
export function createWarmPool(size: number): WarmPool {
  const bundled = bundleChild();
  const spawnWarm = () => bundled.then(({ file }) => warm(file));
  const spares: Promise<WarmChild>[] = [];
  const all = new Set<ChildProcess>();
  const track = (p: Promise<WarmChild>) => {
    void p.then(
      (w) => all.add(w.child),
      () => undefined,
    );
    return p;
  };
  for (let i = 0; i < size; i += 1) spares.push(track(spawnWarm()));
  return {
    async take() {
      const next = spares.shift() ?? track(spawnWarm());
      spares.push(track(spawnWarm()));
      const taken = await next;
      all.delete(taken.child);
      return taken;
    },
    close() {
      for (const spare of spares)
        void spare.then(
          (w) => w.child.kill('SIGKILL'),
          () => undefined,
        );
      for (const child of all) child.kill('SIGKILL');
      spares.length = 0;
      void bundled.then(
        ({ dir }) => rmSync(dir, { recursive: true, force: true }),
        () => undefined,
      );
    },
  };
}
