/**
 * What a gate run or a deploy script left behind for people: details for the card's thread and
 * where the whole log is. Written by the gate runner and the deployer, read by the Slack thread
 * renderer and `shiplock logs`.
 */
export interface RunRecord {
  readonly rolloutId: string;
  readonly kind: 'gate' | 'deploy';
  /** The gate id, or the deploy stage. */
  readonly name: string;
  /** The gate attempt, or the deploy epoch. */
  readonly attempt: number;
  readonly startedAt: number;
  readonly finishedAt: number;
  /**
   * Plain text for the thread (findings, failing tests, output tail, the line that reproduces a
   * fuzz run). Untrusted: it holds the PR code's output; the renderer escapes it.
   */
  readonly details: string;
  /** Absolute path of the whole output, or null when none was kept. */
  readonly logPath: string | null;
}

/** Keeps run records (SQLite in production). */
export interface RunRecorder {
  record(record: RunRecord): void;
}
