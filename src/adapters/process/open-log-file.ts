import { createWriteStream, fchmodSync, mkdirSync, openSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';

/** A log file being written; it never throws, it remembers the first problem instead. */
export interface LogFile {
  /** False when the caller should wait for `drain` (same meaning as `Writable.write`). */
  write(chunk: Buffer): boolean;
  onceDrained(fn: () => void): void;
  /** Flushes and closes; resolves with the first write problem, if any. */
  close(): Promise<string | undefined>;
}

/**
 * Creates (or truncates) the log file, readable by its owner only: logs can hold whatever a build or
 * deploy printed, including things nobody meant to print. Parent directories are created (0700).
 */
export function openLogFile(path: string): LogFile {
  let problem: string | undefined;
  let stream: WriteStream | null = null;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const fd = openSync(path, 'w', 0o600);
    // The mode of open() applies only to a new file; an old one keeps its mode without this.
    fchmodSync(fd, 0o600);
    stream = createWriteStream('', { fd });
    stream.on('error', (error) => {
      problem ??= error.message;
    });
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  return {
    write: (chunk) => (stream === null || problem !== undefined ? true : stream.write(chunk)),
    onceDrained: (fn) => {
      if (stream === null || problem !== undefined) fn();
      else stream.once('drain', fn);
    },
    close: () =>
      new Promise((resolve) => {
        if (stream === null || stream.destroyed) resolve(problem);
        else stream.end(() => resolve(problem));
      }),
  };
}
