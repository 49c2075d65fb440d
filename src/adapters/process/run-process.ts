import { type ChildProcess, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { createTailBuffer, type TailBuffer } from './create-tail-buffer.ts';
import { type LogFile, openLogFile } from './open-log-file.ts';
import type { ProcessResult } from './process-result.ts';
import { terminateProcessGroup } from './terminate-process-group.ts';

/** One command to run: argv (no shell), where, with exactly which environment, within which limits. */
export interface ProcessSpec {
  readonly argv: readonly string[];
  readonly cwd: string;
  /** The whole environment of the child: nothing is inherited from shiplock's own. */
  readonly env: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** How much of the output tail to keep in memory. */
  readonly maxOutputBytes: number;
  /** Where to write the whole output (mode 0600, parent directories created). */
  readonly logFile?: string;
}

/** Test seams of {@link runProcess}. */
export interface RunProcessOptions {
  /** Clock for `durationMs`. */
  readonly now?: () => number;
  /** Time between SIGTERM and SIGKILL of the process group (default 2 s). */
  readonly killGraceMs?: number;
  /** How long to wait for the output pipes after the group is gone (default 500 ms). */
  readonly drainMs?: number;
}

interface Exit {
  readonly code: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
}

/**
 * Runs a command as the leader of its own process group and resolves when it is over. At the time
 * limit the whole group gets SIGTERM, then SIGKILL after the grace. When the leader ends, any
 * process it left behind in its group is ended the same way, and output pipes still held open
 * (by a process that left the group) are closed, so the promise always settles. It never rejects
 * for a failure of the command: a command that cannot start comes back with `spawnError`.
 */
export async function runProcess(spec: ProcessSpec, options: RunProcessOptions = {}): Promise<ProcessResult> {
  const now = options.now ?? Date.now;
  const graceMs = options.killGraceMs ?? 2000;
  const run: Run = {
    startedAt: now(),
    now,
    tail: createTailBuffer(spec.maxOutputBytes),
    log: spec.logFile === undefined ? null : openLogFile(spec.logFile),
  };
  const [file, ...args] = spec.argv;
  if (file === undefined) return toResult(run, NOT_STARTED, 'empty command');
  let child: ChildProcess;
  try {
    // detached: the child calls setsid(), so it leads a new process group we can signal as a whole.
    child = spawn(file, args, {
      cwd: spec.cwd,
      env: { ...spec.env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    return toResult(run, NOT_STARTED, error instanceof Error ? error.message : String(error));
  }
  const streams = [child.stdout, child.stderr].filter((s): s is Readable => s !== null);
  captureOutput(streams, run.tail, run.log);
  const exited = waitForExit(child, spec.timeoutMs, graceMs);
  const spawnError = await waitForSpawn(child);
  if (spawnError !== undefined || child.pid === undefined) return toResult(run, NOT_STARTED, spawnError ?? 'no pid');
  const exit = await exited.exit;
  await (exited.termination() ?? terminateProcessGroup(child.pid, graceMs));
  await closeStreams(streams, options.drainMs ?? 500);
  return toResult(run, exit);
}

interface Run {
  readonly startedAt: number;
  readonly now: () => number;
  readonly tail: TailBuffer;
  readonly log: LogFile | null;
}

const NOT_STARTED: Exit = { code: null, signal: null, timedOut: false };

async function toResult(run: Run, exit: Exit, spawnError?: string): Promise<ProcessResult> {
  const logError = await run.log?.close();
  return {
    exitCode: exit.code,
    signal: exit.signal,
    timedOut: exit.timedOut,
    durationMs: run.now() - run.startedAt,
    outputTail: run.tail.text(),
    droppedBytes: run.tail.dropped(),
    ...(spawnError === undefined ? {} : { spawnError }),
    ...(logError === undefined ? {} : { logError }),
  };
}

function captureOutput(streams: readonly Readable[], tail: TailBuffer, log: LogFile | null): void {
  for (const stream of streams) {
    stream.on('data', (chunk: Buffer) => {
      tail.push(chunk);
      if (log !== null && !log.write(chunk)) {
        // Back-pressure: a command printing faster than the disk takes it must not fill our memory.
        for (const s of streams) s.pause();
        log.onceDrained(() => {
          for (const s of streams) s.resume();
        });
      }
    });
    stream.on('error', () => {
      // A pipe error only loses output; the exit status still comes from the 'exit' event.
    });
  }
}

function waitForSpawn(child: ChildProcess): Promise<string | undefined> {
  return new Promise((resolve) => {
    child.once('spawn', () => resolve(undefined));
    child.once('error', (error) => resolve(error.message));
  });
}

/** The leader's exit, with the time limit enforced on the whole group. */
function waitForExit(
  child: ChildProcess,
  timeoutMs: number,
  graceMs: number,
): { readonly exit: Promise<Exit>; termination(): Promise<void> | undefined } {
  let termination: Promise<void> | undefined;
  const exit = new Promise<Exit>((resolve) => {
    let hardStop: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      if (child.pid === undefined) return;
      termination = terminateProcessGroup(child.pid, graceMs);
      // A process stuck in uninterruptible sleep survives even SIGKILL for a while: stop waiting.
      hardStop = setTimeout(() => resolve({ code: null, signal: null, timedOut: true }), graceMs + 5000);
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(hardStop);
      resolve({ code, signal, timedOut: termination !== undefined });
    });
    child.once('error', () => {
      if (child.pid === undefined) clearTimeout(timer);
    });
  });
  return { exit, termination: () => termination };
}

/** Waits for the pipes to close; a process outside the group may hold them open forever. */
async function closeStreams(streams: readonly Readable[], drainMs: number): Promise<void> {
  const open = streams.filter((s) => !s.closed);
  if (open.length === 0) return;
  let timer: NodeJS.Timeout | undefined;
  const closed = Promise.all(open.map((s) => new Promise<void>((resolve) => s.once('close', () => resolve()))));
  const expired = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, drainMs);
  });
  await Promise.race([closed, expired]);
  clearTimeout(timer);
  for (const s of open) s.destroy();
}
