import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspaces } from '../../../src/adapters/workspace/create-workspaces.ts';
import type { RunGit } from '../../../src/adapters/workspace/git-result.ts';
import { runGit } from '../../../src/adapters/workspace/run-git.ts';
import { makeOrigin, type Origin } from './make-origin.ts';

let origin: Origin;
let root: string;

beforeAll(async () => {
  origin = makeOrigin();
  root = await mkdtemp(join(tmpdir(), 'shiplock-ws-root-'));
});
afterAll(() => {
  rmSync(origin.base, { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
});

/** The working tree's files and contents, without `.git`. */
function treeOf(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (!entry.isFile() || path.includes(`${join(dir, '.git')}`)) continue;
    files[path.slice(dir.length + 1)] = readFileSync(path, 'utf8');
  }
  return files;
}

function headOf(dir: string): string {
  return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
}

describe('checkout of an exact commit', () => {
  it('gives commit 1 its own tree and HEAD, and commit 2 its own', async () => {
    const workspaces = createWorkspaces({ root });
    const one = await workspaces.checkout({ cloneUrl: `file://${origin.bare}`, sha: origin.first, label: 'r1-unit-1' });
    const two = await workspaces.checkout({
      cloneUrl: `file://${origin.bare}`,
      sha: origin.second,
      label: 'r1-unit-1',
    });
    expect(one.dir).not.toBe(two.dir);
    expect(one.sha).toBe(origin.first);
    expect(headOf(one.dir)).toBe(origin.first);
    expect(treeOf(one.dir)).toEqual({ 'a.txt': 'one\n' });
    expect(headOf(two.dir)).toBe(origin.second);
    expect(treeOf(two.dir)).toEqual({ 'a.txt': 'two\n', 'dir/b.txt': 'bee\n' });
    await one.dispose();
    await two.dispose();
    expect(existsSync(one.dir)).toBe(false);
    expect(existsSync(two.dir)).toBe(false);
  });

  it('makes a 0700 directory named after the label, and accepts an upper-case SHA', async () => {
    const workspaces = createWorkspaces({ root });
    const ws = await workspaces.checkout({
      cloneUrl: `file://${origin.bare}`,
      sha: origin.first.toUpperCase(),
      label: 'R7 / Unit Tests #2',
    });
    expect(ws.sha).toBe(origin.first);
    const container = join(ws.dir, '..');
    expect(container).toMatch(/shiplock-ws-r7-unit-tests-2-[A-Za-z0-9]{6}$/);
    expect(execFileSync('stat', ['-c', '%a', container], { encoding: 'utf8' }).trim()).toBe('700');
    expect(execFileSync('stat', ['-c', '%a', ws.dir], { encoding: 'utf8' }).trim()).toBe('700');
    await ws.dispose();
  });

  it('keeps two concurrent checkouts of different SHAs apart', async () => {
    const workspaces = createWorkspaces({ root });
    const request = (sha: string) => workspaces.checkout({ cloneUrl: `file://${origin.bare}`, sha, label: 'same' });
    const all = await Promise.all([request(origin.first), request(origin.second), request(origin.first)]);
    expect(all.map((ws) => headOf(ws.dir))).toEqual([origin.first, origin.second, origin.first]);
    expect(all.map((ws) => Object.keys(treeOf(ws.dir)).length)).toEqual([1, 2, 1]);
    await Promise.all(all.map((ws) => ws.dispose()));
  });

  it('refuses an unknown SHA with fetch_failed and leaves no directory', async () => {
    const ownRoot = await mkdtemp(join(tmpdir(), 'shiplock-ws-unknown-'));
    const workspaces = createWorkspaces({ root: ownRoot });
    const unknown = '0123456789abcdef0123456789abcdef01234567';
    await expect(workspaces.checkout({ cloneUrl: `file://${origin.bare}`, sha: unknown, label: 'x' })).rejects.toThrow(
      /^shiplock_workspace_fetch_failed: git fetch: .*not our ref/,
    );
    expect(readdirSync(ownRoot)).toEqual([]);
    rmSync(ownRoot, { recursive: true });
  });

  it('fails with sha_mismatch and removes the directory when HEAD is not the requested commit', async () => {
    const ownRoot = await mkdtemp(join(tmpdir(), 'shiplock-ws-mismatch-'));
    // A lying transport, simulated at the last step: real git does everything, rev-parse is swapped.
    const lying: RunGit = async (invocation) => {
      const result = await runGit(invocation);
      return invocation.args[0] === 'rev-parse' ? { ...result, stdout: `${origin.second}\n` } : result;
    };
    const workspaces = createWorkspaces({ root: ownRoot, runGit: lying });
    await expect(
      workspaces.checkout({ cloneUrl: `file://${origin.bare}`, sha: origin.first, label: 'x' }),
    ).rejects.toThrow(/^shiplock_workspace_sha_mismatch: /);
    expect(readdirSync(ownRoot)).toEqual([]);
    rmSync(ownRoot, { recursive: true });
  });
});
