/** How one git process ended. */
export interface GitResult {
  /** The exit code; `null` when the process was killed (timeout) or could not start. */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

/** What a git invocation gets: nothing is inherited from shiplock's own process. */
export interface GitInvocation {
  readonly git: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** The complete child environment (see `toGitEnv`). */
  readonly env: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
}

/** Runs one git process; injectable so tests can observe or fake the child. */
export type RunGit = (invocation: GitInvocation) => Promise<GitResult>;
