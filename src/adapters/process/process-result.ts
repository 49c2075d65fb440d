/** What one run of a command left: how it ended, how long it took and the tail of its output. */
export interface ProcessResult {
  /** The exit code, or null when the process was ended by a signal or never started. */
  readonly exitCode: number | null;
  /** The signal that ended the process (`SIGKILL`…), or null. */
  readonly signal: string | null;
  /** True when the time limit ran out and the process group was killed. */
  readonly timedOut: boolean;
  readonly durationMs: number;
  /** The last bytes of stdout and stderr, interleaved as they arrived (UTF-8, at most the cap). */
  readonly outputTail: string;
  /** How many bytes of output were not kept in memory (they are still in the log file, if any). */
  readonly droppedBytes: number;
  /** Why the process could not be started (`spawn sh ENOENT`), when it could not. */
  readonly spawnError?: string;
  /** Why the log file could not be written, when it could not; the run itself is unaffected. */
  readonly logError?: string;
}
