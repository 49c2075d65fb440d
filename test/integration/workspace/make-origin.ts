import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A real origin repository with two commits and a bare clone to fetch from. */
export interface Origin {
  readonly base: string;
  /** The bare repository's directory; `file://${bare}` is the clone URL. */
  readonly bare: string;
  readonly first: string;
  readonly second: string;
}

const IDENTITY = ['-c', 'user.name=Test', '-c', 'user.email=test@example.com'];

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', [...IDENTITY, ...args], { cwd, encoding: 'utf8' }).trim();
}

/** Commit 1 holds `a.txt`; commit 2 changes `a.txt` and adds `dir/b.txt`. */
export function makeOrigin(): Origin {
  const base = mkdtempSync(join(tmpdir(), 'shiplock-origin-'));
  const work = join(base, 'work');
  execFileSync('git', ['init', '-q', work]);
  writeFileSync(join(work, 'a.txt'), 'one\n');
  git(work, 'add', '.');
  git(work, 'commit', '-qm', 'first');
  const first = git(work, 'rev-parse', 'HEAD');
  writeFileSync(join(work, 'a.txt'), 'two\n');
  execFileSync('mkdir', [join(work, 'dir')]);
  writeFileSync(join(work, 'dir', 'b.txt'), 'bee\n');
  git(work, 'add', '.');
  git(work, 'commit', '-qm', 'second');
  const second = git(work, 'rev-parse', 'HEAD');
  const bare = join(base, 'origin.git');
  execFileSync('git', ['clone', '-q', '--bare', work, bare]);
  return { base, bare, first, second };
}
