/** Inputs of {@link toGitEnv}. */
export interface GitEnvInput {
  /** Where git looks for itself and its helpers. */
  readonly path: string;
  /** A throwaway home directory, so no `~/.gitconfig`, credential store or ssh config is read. */
  readonly home: string;
  /** Extra config entries passed through `GIT_CONFIG_KEY_n` (git ≥ 2.31), never through argv or disk. */
  readonly config?: Readonly<Record<string, string>>;
}

/**
 * Builds git's complete environment from scratch. Nothing of shiplock's own environment is
 * inherited, so `GITHUB_TOKEN`, `SLACK_*` or `OPENAI_API_KEY` can never reach git, its helpers or a
 * hook. Config entries travel in the environment rather than in `-c` arguments because a process's
 * argv is readable by every local user (`ps`), while its environment is readable only by its owner.
 * https://git-scm.com/docs/git-config#Documentation/git-config.txt-GITCONFIGCOUNT
 */
export function toGitEnv(input: GitEnvInput): Record<string, string> {
  const env: Record<string, string> = {
    PATH: input.path,
    HOME: input.home,
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    // No interactive ssh questions either; an unknown host key fails instead of hanging.
    GIT_SSH_COMMAND: 'ssh -o BatchMode=yes',
    LC_ALL: 'C',
  };
  const entries = Object.entries(input.config ?? {});
  env.GIT_CONFIG_COUNT = String(entries.length);
  entries.forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key;
    env[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  return env;
}
