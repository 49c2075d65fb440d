import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspaces } from '../../../src/adapters/workspace/create-workspaces.ts';
import { makeOrigin, type Origin } from './make-origin.ts';

let origin: Origin;
let root: string;
let scripts: string;

beforeAll(async () => {
  origin = makeOrigin();
  root = await mkdtemp(join(tmpdir(), 'shiplock-ws-life-'));
  scripts = await mkdtemp(join(tmpdir(), 'shiplock-ws-scripts-'));
});
afterAll(() => {
  for (const dir of [origin.base, root, scripts]) rmSync(dir, { recursive: true, force: true });
});

/** A real executable standing in for git: runs `body`, then the real git with the same arguments. */
function wrapper(name: string, body: string): string {
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const path = join(scripts, name);
  writeFileSync(path, `#!/bin/sh\n${body}\nexec ${realGit} "$@"\n`, { mode: 0o755 });
  return path;
}

describe("git's environment", () => {
  it('carries none of shiplock secrets even when the parent process has them', async () => {
    const dump = join(scripts, 'env-dump');
    const saved = { ...process.env };
    Object.assign(process.env, {
      GITHUB_TOKEN: 'ghp_parent',
      SLACK_BOT_TOKEN: 'xoxb-parent',
      SLACK_SIGNING_SECRET: 's',
    });
    try {
      const git = wrapper('git-env', `env >> ${dump}; echo ---- >> ${dump}`);
      const ws = await createWorkspaces({ root, git }).checkout({
        cloneUrl: `file://${origin.bare}`,
        sha: origin.first,
        label: 'env',
      });
      const runs = readFileSync(dump, 'utf8')
        .split('----\n')
        .filter((run) => run !== '');
      expect(runs.length).toBeGreaterThanOrEqual(4); // init, fetch, checkout, rev-parse
      for (const run of runs) {
        expect(run).not.toMatch(/^(GITHUB_TOKEN|SLACK_[A-Z_]*)=/m);
        expect(run).not.toMatch(/parent|xoxb/);
        expect(run).toMatch(/^GIT_CONFIG_GLOBAL=\/dev\/null$/m);
        expect(run).toMatch(/^GIT_CONFIG_NOSYSTEM=1$/m);
        expect(run).toMatch(/^GIT_TERMINAL_PROMPT=0$/m);
        expect(run).toContain(`HOME=${join(ws.dir, '..', 'home')}\n`);
      }
      await ws.dispose();
    } finally {
      process.env = saved;
    }
  });
});

describe('lifecycle', () => {
  it('dispose removes a tree the gate made read-only, and a second dispose is harmless', async () => {
    const ws = await createWorkspaces({ root }).checkout({
      cloneUrl: `file://${origin.bare}`,
      sha: origin.second,
      label: 'ro',
    });
    const locked = join(ws.dir, 'build', 'locked');
    mkdirSync(locked, { recursive: true });
    writeFileSync(join(locked, 'out.txt'), 'x', { mode: 0o400 });
    chmodSync(locked, 0o500);
    chmodSync(join(ws.dir, 'dir'), 0o500);
    await ws.dispose();
    expect(existsSync(join(ws.dir, '..'))).toBe(false);
    await ws.dispose();
  });

  it('a git command past its time limit fails and leaves nothing', async () => {
    const ownRoot = await mkdtemp(join(tmpdir(), 'shiplock-ws-slow-'));
    const git = wrapper('git-slow', 'sleep 30');
    const started = Date.now();
    const checkout = createWorkspaces({ root: ownRoot, git, timeoutMs: 300 }).checkout({
      cloneUrl: `file://${origin.bare}`,
      sha: origin.first,
      label: 'slow',
    });
    await expect(checkout).rejects.toThrow(/^shiplock_workspace_checkout_failed: git init timed out$/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(readdirSync(ownRoot)).toEqual([]);
    rmSync(ownRoot, { recursive: true });
  });

  it('sweep removes old leftovers of a crashed process, not live checkouts or foreign directories', async () => {
    const ownRoot = await mkdtemp(join(tmpdir(), 'shiplock-ws-sweep-'));
    const crashed = createWorkspaces({ root: ownRoot });
    const request = { cloneUrl: `file://${origin.bare}`, sha: origin.first, label: 'left' };
    const leftover = await crashed.checkout(request); // never disposed: its process "died"
    mkdirSync(join(ownRoot, 'not-ours'));
    let now = Date.now();
    const restarted = createWorkspaces({ root: ownRoot, now: () => now });
    const live = await restarted.checkout({ ...request, label: 'live' });
    expect(await restarted.sweep(60 * 60_000)).toBe(0); // young: kept
    now += 2 * 60 * 60_000;
    expect(await restarted.sweep(60 * 60_000)).toBe(1);
    expect(existsSync(join(leftover.dir, '..'))).toBe(false);
    expect(existsSync(live.dir)).toBe(true);
    expect(existsSync(join(ownRoot, 'not-ours'))).toBe(true);
    await live.dispose();
    expect(await restarted.sweep(0)).toBe(0);
    rmSync(ownRoot, { recursive: true });
  });
});
