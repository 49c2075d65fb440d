import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspaces } from '../../../src/adapters/workspace/create-workspaces.ts';
import { makeOrigin, type Origin } from './make-origin.ts';
import { type GitHttpServer, startGitHttpServer } from './start-git-http-server.ts';

const TOKEN = 'ghs_FAKEtoken0123456789abcdefXYZ';
const BASIC = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');

let origin: Origin;
let root: string;
let server: GitHttpServer;

beforeAll(async () => {
  origin = makeOrigin();
  root = await mkdtemp(join(tmpdir(), 'shiplock-ws-token-'));
  server = await startGitHttpServer(origin.base, `basic ${BASIC}`);
});
afterAll(async () => {
  await server.close();
  rmSync(origin.base, { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
});

/** Every file under `dir` whose bytes contain the token in clear or in its basic-auth form. */
function filesHoldingToken(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => {
      const bytes = readFileSync(path).toString('latin1');
      return bytes.includes(TOKEN) || bytes.includes(BASIC);
    });
}

describe('a token for a private repository over https', () => {
  it('reaches the server as basic auth and is written nowhere in the workspace', async () => {
    const workspaces = createWorkspaces({ root });
    const ws = await workspaces.checkout({
      cloneUrl: `${server.url}/origin.git`,
      sha: origin.second,
      token: TOKEN,
      label: 'tok',
    });
    expect(execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ws.dir, encoding: 'utf8' }).trim()).toBe(origin.second);
    expect(server.authorizations).toContain(`basic ${BASIC}`);
    expect(readFileSync(join(ws.dir, '.git', 'config'), 'utf8')).not.toMatch(/extraheader|authorization/i);
    // The whole workspace: .git (config, FETCH_HEAD, logs, objects) and git's HOME beside it.
    expect(filesHoldingToken(join(ws.dir, '..'))).toEqual([]);
    await ws.dispose();
  });

  it('the scan above does find a token that git did write (negative control)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shiplock-ws-control-'));
    execFileSync('git', ['init', '-q', dir]);
    execFileSync('git', ['-C', dir, 'config', 'http.extraHeader', `AUTHORIZATION: basic ${BASIC}`]);
    expect(filesHoldingToken(dir)).toEqual([join(dir, '.git', 'config')]);
    rmSync(dir, { recursive: true });
  });

  it('without the token the private fetch fails closed (no prompt) and leaves nothing', async () => {
    const ownRoot = await mkdtemp(join(tmpdir(), 'shiplock-ws-notoken-'));
    const workspaces = createWorkspaces({ root: ownRoot, timeoutMs: 20_000 });
    const checkout = workspaces.checkout({ cloneUrl: `${server.url}/origin.git`, sha: origin.first, label: 'tok' });
    await expect(checkout).rejects.toThrow(/^shiplock_workspace_fetch_failed: git fetch: /);
    expect(readdirSync(ownRoot)).toEqual([]);
    rmSync(ownRoot, { recursive: true });
  });

  it('a failing fetch with a token does not echo the token in its error', async () => {
    const workspaces = createWorkspaces({ root });
    const unknown = 'feedfacefeedfacefeedfacefeedfacefeedface';
    const error = await workspaces
      .checkout({ cloneUrl: `${server.url}/origin.git`, sha: unknown, token: TOKEN, label: 'tok' })
      .catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^shiplock_workspace_fetch_failed: /);
    expect((error as Error).message).not.toContain(TOKEN);
    expect((error as Error).message).not.toContain(BASIC);
  });
});
