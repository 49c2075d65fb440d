import { existsSync, readdirSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspaces } from '../../../src/adapters/workspace/create-workspaces.ts';
import { makeOrigin, type Origin } from './make-origin.ts';

let origin: Origin;
let root: string;
let marker: string;

beforeAll(async () => {
  origin = makeOrigin();
  root = await mkdtemp(join(tmpdir(), 'shiplock-ws-refuse-'));
  marker = join(root, 'pwned');
});
afterAll(() => {
  rmSync(origin.base, { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
});

describe('refused before git runs', () => {
  it.each([
    ['a branch name', 'main'],
    ['a short SHA', 'abc1234'],
    ['a 41-character id', `${'a'.repeat(41)}`],
    ['an option', '--upload-pack=touch'],
    ['a SHA-256 id', 'a'.repeat(64)],
  ])('fail by sha is %s', async (_, sha) => {
    const workspaces = createWorkspaces({ root });
    await expect(workspaces.checkout({ cloneUrl: `file://${origin.bare}`, sha, label: 'x' })).rejects.toThrow(
      /^shiplock_workspace_invalid_sha: /,
    );
  });

  it.each([
    ['an --upload-pack option', () => `--upload-pack=touch ${marker}`],
    ['a -u option', () => `-upload-pack=touch ${marker}`],
    ['the ext transport', () => `ext::sh -c touch% ${marker}`],
    ['an ssh host that is an option', () => `ssh://-oProxyCommand=touch%20${marker}/x`],
    ['a git:// URL', () => 'git://example.com/x.git'],
    ['credentials in the URL', () => 'https://x-access-token:secret@github.com/o/r.git'],
    ['a newline', () => `file://${origin.bare}\n--upload-pack=x`],
    ['a relative path', () => origin.bare.slice(1)],
  ])('fail by url is %s', async (_, url) => {
    const workspaces = createWorkspaces({ root });
    await expect(workspaces.checkout({ cloneUrl: url(), sha: origin.first, label: 'x' })).rejects.toThrow(
      /^shiplock_workspace_invalid_url: /,
    );
    expect(existsSync(marker)).toBe(false);
    expect(readdirSync(root)).toEqual([]);
  });

  it.each([
    ['https', 'https://github.com/octo/repo.git'],
    ['ssh', 'ssh://git@github.com/octo/repo.git'],
    ['scp-style ssh', 'git@github.com:octo/repo.git'],
  ])('accepts a %s URL (refusal is not blanket)', async (_, url) => {
    // Nothing listens there: the URL passes validation and git itself fails, fast and offline.
    const workspaces = createWorkspaces({ root, git: '/nonexistent/git' });
    await expect(workspaces.checkout({ cloneUrl: url, sha: origin.first, label: 'x' })).rejects.toThrow(
      /^shiplock_workspace_checkout_failed: /,
    );
  });
});
