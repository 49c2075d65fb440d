import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A real origin repository: a working clone to commit in and a bare repository to fetch from. */
export interface OriginRepo {
  /** `file://` URL of the bare repository: the PR's clone URL. */
  readonly cloneUrl: string;
  /** The first commit (the PR's base): a README only. */
  readonly base: string;
  /**
   * Commits `files` on top of `parent` (a `null` content deletes the file), pushes the commit to
   * `branch` in the bare repository and returns its SHA.
   */
  commit(branch: string, parent: string, files: Readonly<Record<string, string | null>>): string;
  /** The real `git diff` between two commits, as GitHub's diff media type serves it. */
  diff(from: string, to: string): string;
  remove(): void;
}

const IDENTITY = ['-c', 'user.name=Alice', '-c', 'user.email=alice@example.com'];

/** Makes the origin in a fresh temporary directory. */
export function createOriginRepo(): OriginRepo {
  const dir = mkdtempSync(join(tmpdir(), 'shiplock-gate-origin-'));
  const work = join(dir, 'work');
  const bare = join(dir, 'origin.git');
  const git = (...args: string[]): string =>
    execFileSync('git', [...IDENTITY, ...args], { cwd: work, encoding: 'utf8' }).trim();
  execFileSync('git', ['init', '-q', '--bare', bare]);
  execFileSync('git', ['init', '-q', work]);
  let count = 0;
  const commit = (branch: string, parent: string | null, files: Readonly<Record<string, string | null>>) => {
    if (parent !== null) git('checkout', '-q', '--detach', parent);
    for (const [path, text] of Object.entries(files)) {
      const file = join(work, path);
      if (text === null) rmSync(file, { force: true });
      else {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text);
      }
    }
    count += 1;
    git('add', '-A');
    git('commit', '-q', '-m', `commit ${count} on ${branch}`);
    const sha = git('rev-parse', 'HEAD');
    git('push', '-q', bare, `+${sha}:refs/heads/${branch}`);
    return sha;
  };
  const base = commit('main', null, { 'README.md': '# api\n' });
  return {
    cloneUrl: `file://${bare}`,
    base,
    commit,
    diff: (from, to) => git('diff', '--no-color', '--no-ext-diff', from, to).concat('\n'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
