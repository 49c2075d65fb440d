import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/adapters/process/create-sandbox.ts';
import type { Sandbox, SandboxRunRequest } from '../../../src/adapters/process/sandbox.ts';
import { createTempDir } from '../db/temp-db.ts';
import { livePidsWith } from './process-probe.ts';
import { BWRAP_PATH, requireBubblewrap } from './require-bubblewrap.ts';

const GITHUB_TOKEN = `ghp_${'A'.repeat(36)}`;
const SLACK_BOT_TOKEN = `xoxb-${'1'.repeat(12)}-escape-test`;

/** Prints `NET <target> OK` or `NET <target> FAIL <code>` for each host:port argument. */
const NET_PROBE = `
const net = require('node:net');
for (const target of process.argv.slice(1)) {
  const [host, port] = target.split(':');
  const socket = net.connect({ host, port: Number(port), timeout: 2000 });
  socket.on('connect', () => { console.log('NET ' + target + ' OK'); socket.destroy(); });
  socket.on('timeout', () => { console.log('NET ' + target + ' FAIL timeout'); socket.destroy(); });
  socket.on('error', (e) => console.log('NET ' + target + ' FAIL ' + e.code));
}`;

let sandbox: Sandbox;
let unsandboxed: Sandbox;
let server: Server;
let port = 0;
const workspace = createTempDir('shiplock-ws-');
const dataDir = createTempDir('shiplock-data-');
const saved = { GITHUB_TOKEN: process.env.GITHUB_TOKEN, SLACK_BOT_TOKEN: process.env.SLACK_BOT_TOKEN };

beforeAll(async () => {
  await requireBubblewrap();
  sandbox = await createSandbox({ mode: 'bubblewrap', bwrapPath: BWRAP_PATH, process: { killGraceMs: 500 } });
  unsandboxed = await createSandbox({ mode: 'none' });
  server = createServer((_req, res) => res.end('reached'));
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  port = (server.address() as AddressInfo).port;
  // shiplock's own secrets sit in its environment, as in production.
  process.env.GITHUB_TOKEN = GITHUB_TOKEN;
  process.env.SLACK_BOT_TOKEN = SLACK_BOT_TOKEN;
  writeFileSync(dataDir.file('shiplock.db'), 'host secret data');
});

afterAll(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await new Promise((resolve) => server?.close(resolve));
  workspace.remove();
  dataDir.remove();
});

const run = (on: Sandbox, script: string, more: Partial<SandboxRunRequest> = {}) =>
  on.run({ argv: ['sh', '-c', script], workspace: workspace.dir, timeoutMs: 20_000, maxOutputBytes: 65_536, ...more });

/** An address of this machine outside loopback, reachable from the host's network namespace. */
function hostAddress(): string | undefined {
  const all = Object.values(networkInterfaces()).flatMap((list) => list ?? []);
  return all.find((a) => a.family === 'IPv4' && !a.internal)?.address;
}

describe('the bubblewrap sandbox', () => {
  it('is the sandbox in force', () => {
    expect(sandbox.kind).toBe('bubblewrap');
    expect(unsandboxed.kind).toBe('none');
  });

  it('cannot reach the network: not the host loopback, not the host, not outside', async () => {
    const targets = [`127.0.0.1:${port}`, ...(hostAddress() ? [`${hostAddress()}:${port}`] : []), '1.1.1.1:443'];
    const script = `node -e "$PROBE" ${targets.join(' ')}`;
    const control = await run(unsandboxed, script, { env: { PROBE: NET_PROBE } });
    expect(control.outputTail).toContain(`NET 127.0.0.1:${port} OK`);
    const result = await run(sandbox, script, { env: { PROBE: NET_PROBE } });
    for (const target of targets) expect(result.outputTail).toMatch(new RegExp(`NET ${target} FAIL \\w+`));
    expect(result.outputTail).not.toContain(' OK');
  });

  it("sees none of shiplock's environment, nor the host's processes", async () => {
    const script = `env; echo; cat /proc/1/environ; cat /proc/${process.pid}/environ; cat /proc/*/environ; echo; ls /proc`;
    const result = await run(sandbox, script, { env: { SHIPLOCK_FUZZ_SEED: '42' } });
    expect(result.outputTail).toContain('SHIPLOCK_FUZZ_SEED=42');
    expect(result.outputTail).toContain('HOME=/workspace');
    expect(result.outputTail).toContain('CI=true');
    expect(result.outputTail).not.toContain(GITHUB_TOKEN);
    expect(result.outputTail).not.toContain(SLACK_BOT_TOKEN);
    expect(result.outputTail).not.toContain('GITHUB_TOKEN');
    expect(result.outputTail).toContain(`/proc/${process.pid}/environ: No such file or directory`);
  });

  it('refuses to pass secrets in, by name or by shape', async () => {
    await expect(run(sandbox, 'env', { env: { GITHUB_TOKEN } })).rejects.toThrow(/shiplock_sandbox_secret_env/);
    await expect(run(sandbox, 'env', { env: { SLACK_BOT_TOKEN } })).rejects.toThrow(/shiplock_sandbox_secret_env/);
    await expect(run(sandbox, 'env', { env: { HARMLESS: SLACK_BOT_TOKEN } })).rejects.toThrow(/Slack token/);
    await expect(run(unsandboxed, 'env', { env: { DB_PASSWORD: 'x' } })).rejects.toThrow(/shiplock_sandbox_secret_env/);
  });

  it('writes nothing outside the workspace and reads nothing of the host', async () => {
    const tag = randomBytes(6).toString('hex');
    const hostTmp = join(tmpdir(), `shiplock-escape-${tag}`);
    const targets = [
      hostTmp,
      `/etc/shiplock-escape-${tag}`,
      dataDir.file(`escape-${tag}`),
      `/usr/shiplock-escape-${tag}`,
    ];
    const writes = targets.map((t) => `mkdir -p "$(dirname ${t})"; echo pwned > ${t}`).join('; ');
    const reads = `cat ${dataDir.file('shiplock.db')}; ls /root /home /work; cat /etc/shadow; echo inside > /workspace/inside-${tag}`;
    const result = await run(sandbox, `${writes}; ${reads}`);
    for (const target of targets) expect(existsSync(target), target).toBe(false);
    expect(readFileSync(workspace.file(`inside-${tag}`), 'utf8')).toBe('inside\n');
    expect(result.outputTail).not.toContain('host secret data');
    expect(result.outputTail).toMatch(/\/root.*No such file/);
    expect(result.outputTail).toMatch(/\/work.*No such file/);
  });

  it('ends at its time limit and leaves no process behind', async () => {
    const marker = `1000.${Date.now() % 100_000}`;
    const started = Date.now();
    const running = run(sandbox, `trap '' TERM; sleep ${marker} & sleep ${marker}`, { timeoutMs: 1500 });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(livePidsWith(`sleep ${marker}`).length).toBeGreaterThanOrEqual(2);
    const result = await running;
    expect(result.timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(1500 + 500 + 1500);
    expect(livePidsWith(marker)).toEqual([]);
  });

  it('keeps the tail of a large output and passes exit codes through', async () => {
    const result = await run(sandbox, "head -c 200000 /dev/zero | tr '\\0' b; echo; echo LAST; exit 3", {
      maxOutputBytes: 500,
    });
    expect(result.exitCode).toBe(3);
    expect(result.outputTail).toHaveLength(500);
    expect(result.outputTail.endsWith('bbb\nLAST\n')).toBe(true);
    expect(result.droppedBytes).toBe(200_006 - 500);
  });

  it('refuses to exist when bubblewrap does not work', async () => {
    await expect(createSandbox({ mode: 'bubblewrap', bwrapPath: '/nonexistent/bwrap' })).rejects.toThrow(
      /shiplock_sandbox_unavailable: .*ENOENT.*set sandbox: none only if/,
    );
    await expect(createSandbox({ mode: 'bubblewrap', bwrapPath: '/bin/false' })).rejects.toThrow(
      /shiplock_sandbox_unavailable: .*exited 1/,
    );
  });
});
