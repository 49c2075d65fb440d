import { type ChildProcess, spawn } from 'node:child_process';

/** A process that has not printed WARM by then is killed (loading takes about a second when idle). */
const LOAD_TIMEOUT_MS = 60_000;

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
  /** The last `lines` lines of its stderr, on one line, for failure messages. */
  stderrTail(lines?: number): string;
  /** Starts the bot with these variables added to its environment. */
  go(env: Readonly<Record<string, string>>): void;
  /** Signals the whole process group (default SIGKILL); a no-op once it has exited. */
  kill(signal?: NodeJS.Signals): void;
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
export function spawnWarmChild(bundle: string, onSpawn: (w: WarmChild) => void): Promise<WarmChild> {
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
