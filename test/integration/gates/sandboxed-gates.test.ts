import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/adapters/process/create-sandbox.ts';
import type { CommandGateConfig } from '../../../src/config/types.ts';
import { createGateHarness, type GateHarness, logPathOf } from './gate-harness.ts';
import { GATE_SCRIPTS } from './gate-scripts.ts';

const GITHUB_TOKEN = 'sandbox-scrub-check-github-token';
const SLACK_BOT_TOKEN = 'sandbox-scrub-check-slack-bot-token';
const saved = { GITHUB_TOKEN: process.env.GITHUB_TOKEN, SLACK_BOT_TOKEN: process.env.SLACK_BOT_TOKEN };

let h: GateHarness;
let head: string;
let number: number;
let server: Server;
let port = 0;
const hits: string[] = [];

beforeAll(async () => {
  // shiplock's own secrets sit in its environment, as in production, and the runner holds a token.
  process.env.GITHUB_TOKEN = GITHUB_TOKEN;
  process.env.SLACK_BOT_TOKEN = SLACK_BOT_TOKEN;
  h = await createGateHarness({ githubToken: GITHUB_TOKEN });
  head = h.origin.commit('change-1', h.origin.base, GATE_SCRIPTS);
  number = h.openPullRequest([head]);
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('reached');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await new Promise((resolve) => server?.close(resolve));
  await h?.close();
});

function gate(id: string, command: string[], timeoutMs = 20_000): void {
  const config: CommandGateConfig = { id, name: id, kind: 'integration_tests', phase: 'testing', timeoutMs, command };
  h.gates.set(id, config);
}

describe('a gate command in the sandbox', () => {
  it('reaches no loopback server and sees no secret', async () => {
    gate('escape', ['sh', 'gates/escape.sh', String(port)]);
    const rollout = h.rolloutAt(number, head);
    hits.length = 0;
    const seen = await h.run('escape', rollout);
    const log = readFileSync(logPathOf(h, rollout, 'escape'), 'utf8');
    expect(log).toContain('NET curl FAIL');
    expect(log).toContain('NET devtcp FAIL');
    expect(log).toContain('SECRETS 0');
    expect(hits).toEqual([]);
    for (const text of [log, seen.record?.details ?? '', seen.outcome.summary]) {
      expect(text).not.toContain(GITHUB_TOKEN);
      expect(text).not.toContain(SLACK_BOT_TOKEN);
    }
    expect(seen.outcome.status).toBe('passed');
    expect(seen.outcome.summary).toMatch(/^exit 0 after /);
    expect(seen.record?.details).toContain('SECRETS 0');
    expect(seen.leftovers).toEqual([]);
  });

  it('(control) does reach the server without bubblewrap, so the probe can fail', async () => {
    const unsandboxed = h.runnerWith(await createSandbox({ mode: 'none' }));
    const rollout = h.rolloutAt(number, head);
    hits.length = 0;
    const seen = await h.run('escape', rollout, 1, unsandboxed);
    expect(seen.outcome.status).toBe('failed');
    expect(seen.outcome.summary).toMatch(/^exit 3 after /);
    expect(seen.record?.details).toContain('NET curl OK');
    expect(hits).toContain('/curl');
    expect(seen.leftovers).toEqual([]);
  });

  it('is killed at its time limit, near the limit, as an error', async () => {
    gate('slow', ['sh', 'gates/slow.sh'], 2_000);
    const rollout = h.rolloutAt(number, head);
    const seen = await h.run('slow', rollout);
    expect(seen.outcome.status).toBe('error');
    expect(seen.outcome.summary).toBe('killed at its 2 s time limit');
    expect(seen.outcome.durationMs).toBeGreaterThanOrEqual(2_000);
    expect(seen.outcome.durationMs).toBeLessThan(4_500);
    expect(seen.record?.details).toContain('started');
    expect(seen.record?.details).not.toContain('never printed');
    expect(seen.record?.logPath).toBe(logPathOf(h, rollout, 'slow'));
    expect(readFileSync(logPathOf(h, rollout, 'slow'), 'utf8')).toBe('started\n');
    expect(seen.leftovers).toEqual([]);
  });
});

describe('workspaces', () => {
  it('are removed after a failing gate that left an undeletable tree', async () => {
    gate('junk', ['sh', 'gates/junk.sh']);
    const rollout = h.rolloutAt(number, head);
    const seen = await h.run('junk', rollout);
    expect(seen.outcome.status).toBe('failed');
    expect(seen.outcome.summary).toMatch(/^exit 1 after /);
    expect(seen.record?.details).toContain('(no output)');
    expect(seen.leftovers).toEqual([]);
  });

  it('are removed when the SHA cannot be fetched; the runner throws and records why for the thread', async () => {
    gate('missing-sha', ['sh', 'gates/fuzz.sh']);
    const rollout = h.rolloutAt(number, 'f'.repeat(40));
    await expect(h.run('missing-sha', rollout)).rejects.toThrow(/^shiplock_workspace_fetch_failed: /);
    const records = h.records.list(rollout.id);
    expect(records).toHaveLength(1);
    expect(records[0]?.details).toMatch(/^The gate could not run: shiplock_workspace_fetch_failed: /);
    expect(records[0]?.logPath).toBeNull();
    expect(readdirSync(h.workspacesRoot)).toEqual([]);
  });
});
