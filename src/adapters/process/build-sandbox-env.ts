import { findSecretPattern, SECRET_KEY } from '../../config/secret-patterns.ts';

/** The PATH inside the sandbox: the system's directories only, never the operator's own. */
export const SANDBOX_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The whole environment of a sandboxed command, built from an allow-list rather than by removing
 * things from shiplock's own (which holds the Slack, GitHub and OpenAI credentials). `extra` adds the
 * caller's variables; any whose name or value looks like a credential is refused, not dropped, so a
 * misconfigured gate fails loudly instead of running without what it expected.
 */
export function buildSandboxEnv(
  home: string,
  extra: Readonly<Record<string, string>> = {},
): Readonly<Record<string, string>> {
  for (const [name, value] of Object.entries(extra)) {
    if (!NAME.test(name)) {
      throw new Error(`shiplock_sandbox_bad_env: "${name}" is not a valid environment variable name.`);
    }
    if (SECRET_KEY.test(name)) {
      throw new Error(
        `shiplock_sandbox_secret_env: ${name} looks like a secret; sandboxed gates run the PR's code and never get secrets.`,
      );
    }
    const pattern = findSecretPattern(value);
    if (pattern !== undefined) {
      throw new Error(
        `shiplock_sandbox_secret_env: the value of ${name} looks like ${pattern.label}; sandboxed gates never get secrets.`,
      );
    }
  }
  return { PATH: SANDBOX_PATH, HOME: home, LANG: 'C.UTF-8', TZ: 'UTC', CI: 'true', ...extra };
}
