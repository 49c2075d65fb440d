import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShiplockBootError } from '../../../src/adapters/db/shiplock-boot-error.ts';
import { type BotHarness, createBotHarness, REPO, testScript, textOf } from '../../support/start-bot-harness.ts';
import { startSocketModeEndpoint } from '../../support/start-socket-mode-endpoint.ts';

/** `startBot` refuses what cannot work, and stops cleanly. */
let h: BotHarness;

beforeEach(async () => {
  h = await createBotHarness();
});

afterEach(() => h.close());

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Whether anything answers HTTP on the port. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/healthz', timeout: 2000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

describe('boot refusals', () => {
  it('a Slack token the workspace rejects is shiplock_slack_auth, and nothing listens', async () => {
    const port = await freePort();
    const refused = await h.start({ SLACK_BOT_TOKEN: 'xoxb-revoked-token' }, port).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ShiplockBootError);
    expect((refused as ShiplockBootError).code).toBe('shiplock_slack_auth');
    expect((refused as Error).message).toMatch(/invalid_auth/);
    expect((refused as Error).message).not.toContain('xoxb-revoked-token');
    expect(await answers(port)).toBe(false);
    // Nothing half-started holds the database or the port: the same config with the right token starts.
    const bot = await h.start({}, port);
    expect(await answers(port)).toBe(true);
    expect(bot.url).toBe(`http://127.0.0.1:${port}`);
  });

  it('a Slack Web API that cannot be reached is shiplock_slack_unreachable, and nothing listens', async () => {
    const port = await freePort();
    const nowhere = `http://127.0.0.1:${await freePort()}/api/`;
    const refused = await h.start({ SLACK_API_URL: nowhere }, port).then(
      () => null,
      (error: unknown) => error,
    );
    expect((refused as ShiplockBootError).code).toBe('shiplock_slack_unreachable');
    expect(await answers(port)).toBe(false);
  });
});

/** GET `path` on the bot's port: status and body. */
function probe(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, timeout: 2000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('readiness', () => {
  it('/readyz is 503 until start-up finished, then 200; /healthz answers 200 throughout', async () => {
    // Socket Mode through a Slack that is slow to open the connection, the last step of start-up.
    const endpoint = await startSocketModeEndpoint(h.env.SLACK_API_URL as string);
    try {
      const port = await freePort();
      endpoint.hold();
      const starting = h.start({ SLACK_APP_TOKEN: 'xapp-e2e-A0SHIPLOCK', SLACK_API_URL: endpoint.apiUrl }, port);
      await h.waitFor('Socket Mode asking for its connection', () => endpoint.opens.length > 0);
      expect(await probe(port, '/readyz')).toEqual({ status: 503, body: 'starting' });
      expect(await probe(port, '/healthz')).toEqual({ status: 200, body: 'ok' });
      endpoint.release();
      const bot = await starting;
      expect(bot.slackMode).toBe('socket');
      expect(endpoint.opens).toEqual(['Bearer xapp-e2e-A0SHIPLOCK']);
      expect(endpoint.connections()).toBe(1);
      expect(await probe(port, '/readyz')).toEqual({ status: 200, body: 'ready' });
      await h.stop();
      expect(await answers(port)).toBe(false);
    } finally {
      await endpoint.close();
    }
  });
});

/** The event types in the audit log, oldest first (read while the bot is stopped). */
function loggedEvents(): string[] {
  const db = new Database(join(h.dir, 'shiplock.db'), { readonly: true });
  try {
    return db
      .prepare('SELECT type FROM events ORDER BY seq')
      .all()
      .map((row) => (row as { type: string }).type);
  } finally {
    db.close();
  }
}

describe('stopping', () => {
  it('stop() while a gate runs lets it finish and keeps its result; the next start goes on from there', async () => {
    const slow = h.origin.commit(
      'change-5',
      { 'test.sh': `sleep 1\n${testScript({ tests: 1, failures: 0, exit: 0 })}` },
      'a slow test',
    );
    await h.startReconciled();
    h.openPullRequest(5, slow);
    expect((await h.sendPullRequest('opened', 5)).status).toBe(202);
    const unitRun = () => h.github.checkRuns(REPO, slow.sha).find((r) => r.name === 'shiplock / Unit tests');
    await h.waitFor('the unit gate running', () => unitRun()?.status === 'in_progress');
    await h.stop();
    expect(unitRun()?.status).toBe('in_progress'); // stopped: nothing new was reported
    // …but the gate's result is in the audit log: the database was still open when it ended.
    expect(loggedEvents().filter((type) => type === 'GateFinished')).toHaveLength(2); // security, then unit

    await h.start();
    await h.waitFor('the canary verdict on the card', () => /inconclusive/.test(textOf(h.cards()[0])));
    await h.bot.shell.idle();
    expect(unitRun()?.conclusion).toBe('success');
    expect(textOf(h.cards()[0])).toContain('passed *Unit tests*');
    // The unit gate ran once: its result was kept, so the restart did not run it again.
    await h.stop();
    expect(loggedEvents().filter((type) => type === 'GateStarted')).toHaveLength(2); // unit, then security
    expect(h.cards()).toHaveLength(1);
  });
});
