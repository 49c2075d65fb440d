import type { ProcessResult } from './process-result.ts';

/** One untrusted command (a gate) to run in the sandbox. */
export interface SandboxRunRequest {
  /** The command and its arguments; no shell is involved unless argv names one. */
  readonly argv: readonly string[];
  /**
   * Absolute host path of the temporary workspace (the PR's checkout). It is the only host
   * directory the command can write; under bubblewrap it appears as {@link SANDBOX_WORKSPACE}.
   */
  readonly workspace: string;
  /**
   * Extra, non-secret variables for the command (`SHIPLOCK_FUZZ_SEED`…). A name or value that
   * looks like a credential is refused with `shiplock_sandbox_secret_env`.
   */
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly maxOutputBytes: number;
  /** Host path for the whole output (mode 0600), outside the workspace. */
  readonly logFile?: string;
}

/**
 * Runs untrusted commands with no network, no secrets, a scrubbed environment and time and output
 * limits. `kind` says which isolation is in force, so callers can show it (a `none` sandbox only
 * scrubs the environment; the operator chose that explicitly).
 */
export interface Sandbox {
  readonly kind: 'bubblewrap' | 'none';
  /** Resolves with how the command ended; rejects only for a refused request (bad env, workspace). */
  run(request: SandboxRunRequest): Promise<ProcessResult>;
}

/** Where the workspace is mounted inside the bubblewrap sandbox (and the command's cwd). */
export const SANDBOX_WORKSPACE = '/workspace';
