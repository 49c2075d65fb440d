/** What a CLI command may touch: its output streams, files and the environment, all injected. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Resolves when the process is asked to stop (SIGINT, SIGTERM); long-running commands wait on it. */
  readonly untilStopped?: () => Promise<string>;
}
