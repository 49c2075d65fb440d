import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** The sample repository as GitHub would hold it: a bare clone with `main` and the PR's branch. */
export interface SampleOrigin {
  /** The bare repository every gate checks out from (`file://…`). */
  readonly bare: string;
  /** `main`: what production runs before the PR. */
  readonly baseSha: string;
  /** The PR's head commit. */
  readonly sha: string;
  /** `git diff main…head`, what GitHub's diff media type serves. */
  readonly diff: string;
  readonly branch: string;
}

const IDENTITY = ['-c', 'user.name=Alice', '-c', 'user.email=alice@example.com', '-c', 'commit.gpgsign=false'];

/**
 * Builds the sample repository in `dir` with real git: `main` from `base`, then the pull request's
 * branch with `change` copied over it, both pushed to a bare clone that the GitHub stand-in serves
 * as the repository's `clone_url`.
 */
export function createSampleOrigin(dir: string, base: string, change: string): SampleOrigin {
  const work = join(dir, 'sample-work');
  const bare = join(dir, 'sample.git');
  const branch = 'slugify-word-boundary';
  const git = (...args: string[]) =>
    execFileSync('git', [...IDENTITY, ...args], { cwd: work, encoding: 'utf8' }).trim();
  mkdirSync(work, { recursive: true });
  cpSync(base, work, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'slugify: first version');
  const baseSha = git('rev-parse', 'HEAD');
  git('checkout', '-qb', branch);
  cpSync(change, work, { recursive: true });
  git('add', '.');
  git('commit', '-qm', 'slugify: cut long slugs at a word boundary');
  execFileSync('git', ['clone', '-q', '--bare', work, bare]);
  return { bare, baseSha, sha: git('rev-parse', 'HEAD'), diff: `${git('diff', 'main', 'HEAD')}\n`, branch };
}
