import { mkdir, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import type { GitResult, RunGit } from './git-result.ts';
import { parseCloneUrl } from './parse-clone-url.ts';
import { parseCommitSha } from './parse-commit-sha.ts';
import { redactToken } from './redact-token.ts';
import { removeTree } from './remove-tree.ts';
import { runGit as runGitProcess } from './run-git.ts';
import { sweepWorkspaces, WORKSPACE_PREFIX } from './sweep-workspaces.ts';
import { toAuthConfig } from './to-auth-config.ts';
import { toGitEnv } from './to-git-env.ts';
import type { CheckoutRequest, Workspace, Workspaces } from './workspace.ts';

/** Dependencies of {@link createWorkspaces}. */
export interface WorkspacesOptions {
  /** A directory only shiplock uses; each checkout gets a fresh `shiplock-ws-<label>-XXXXXX` in it. */
  readonly root: string;
  /** The git executable. */
  readonly git?: string;
  /** Runs git; defaults to a real child process. */
  readonly runGit?: RunGit;
  /** Limit for each git command. */
  readonly timeoutMs?: number;
  /** `PATH` for git and its helpers; `main.ts` passes its own. */
  readonly path?: string;
  /** Epoch milliseconds, for `sweep`. */
  readonly now?: () => number;
}

/**
 * Settings for every git command. Submodules are never fetched and LFS objects never downloaded:
 * the gate sees exactly the commit's own tree (LFS files stay pointer files, because with no
 * global or system config there is no `filter.lfs` driver).
 */
const SAFE_CONFIG: Readonly<Record<string, string>> = {
  'protocol.ext.allow': 'never',
  'fetch.recurseSubmodules': 'false',
  'submodule.recurse': 'false',
  'core.hooksPath': '/dev/null',
  'advice.detachedHead': 'false',
  'init.defaultBranch': 'shiplock',
};

type Git = (args: readonly string[], cwd: string) => Promise<GitResult>;

/**
 * Creates fresh, per-gate checkouts of one exact commit: `git init`, a depth-1 fetch of the SHA
 * (GitHub serves fetch by SHA), a detached checkout, and a check that `HEAD` is that SHA. The
 * token and shiplock's environment never reach git's disk or environment (see `toGitEnv`).
 */
export function createWorkspaces(options: WorkspacesOptions): Workspaces {
  const run = options.runGit ?? runGitProcess;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const path = options.path ?? process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin';
  const live = new Set<string>();

  async function checkout(request: CheckoutRequest): Promise<Workspace> {
    const sha = parseCommitSha(request.sha);
    const cloneUrl = parseCloneUrl(request.cloneUrl);
    await mkdir(options.root, { recursive: true, mode: 0o700 });
    const container = await mkdtemp(join(options.root, `${WORKSPACE_PREFIX}${toLabel(request.label)}-`));
    live.add(container);
    const dispose = async (): Promise<void> => {
      await removeTree(container);
      live.delete(container);
    };
    try {
      const home = join(container, 'home');
      const dir = join(container, 'tree');
      await mkdir(home, { mode: 0o700 });
      await mkdir(dir, { mode: 0o700 });
      const config = { ...SAFE_CONFIG, ...toAuthConfig(cloneUrl, request.token) };
      const env = toGitEnv({ path, home, config });
      const git: Git = (args, cwd) => run({ git: options.git ?? 'git', args, cwd, env, timeoutMs });
      await fetchCommit(git, dir, cloneUrl, sha, request.token);
      return { dir, sha, dispose };
    } catch (error) {
      await dispose();
      throw error;
    }
  }

  return {
    checkout,
    sweep: (maxAgeMs) => sweepWorkspaces({ root: options.root, maxAgeMs, live, now: options.now ?? Date.now }),
  };
}

async function fetchCommit(git: Git, dir: string, cloneUrl: string, sha: string, token?: string): Promise<void> {
  await expectOk('checkout_failed', 'init', await git(['init', '-q', '--template=', dir], dir), token);
  // `--` keeps a URL from ever being read as an option, on top of `parseCloneUrl`.
  const fetch = await git(
    ['fetch', '-q', '--depth', '1', '--no-tags', '--no-recurse-submodules', '--', cloneUrl, sha],
    dir,
  );
  await expectOk('fetch_failed', 'fetch', fetch, token);
  await expectOk('checkout_failed', 'checkout', await git(['checkout', '-q', '--detach', 'FETCH_HEAD'], dir), token);
  const head = await git(['rev-parse', '--verify', 'HEAD'], dir);
  await expectOk('checkout_failed', 'rev-parse', head, token);
  const actual = head.stdout.trim();
  if (actual !== sha) {
    throw new Error(`shiplock_workspace_sha_mismatch: asked for ${sha}, HEAD is ${actual.slice(0, 40)}`);
  }
}

async function expectOk(code: string, step: string, result: GitResult, token: string | undefined): Promise<void> {
  if (result.code === 0 && !result.timedOut) return;
  const lastLine =
    result.stderr
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .at(-1) ?? `exit code ${String(result.code)}`;
  const why = result.timedOut ? `git ${step} timed out` : `git ${step}: ${lastLine.slice(0, 300)}`;
  throw new Error(`shiplock_workspace_${code}: ${redactToken(why, token)}`);
}

/** Keeps directory names short and free of anything a shell or a path could misread. */
function toLabel(label: string): string {
  return (
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'gate'
  );
}
