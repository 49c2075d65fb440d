import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebClient } from '@slack/web-api';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFreezes, type Freezes } from '../../src/adapters/db/create-freezes.ts';
import { createRolloutIndex } from '../../src/adapters/db/create-rollout-index.ts';
import { createSqliteStore } from '../../src/adapters/db/create-sqlite-store.ts';
import { openDatabase } from '../../src/adapters/db/open-database.ts';
import { type RunningServer, startHttpServer } from '../../src/adapters/http/create-http-server.ts';
import { createLogger } from '../../src/adapters/log/create-logger.ts';
import { createCardRefs } from '../../src/adapters/slack/create-card-refs.ts';
import { createReplyRoutes } from '../../src/adapters/slack/create-reply-routes.ts';
import { createSlackApp } from '../../src/adapters/slack/create-slack-app.ts';
import { createSlackNotifier } from '../../src/adapters/slack/create-slack-notifier.ts';
import { registerAppHome } from '../../src/adapters/slack/register-app-home.ts';
import { registerCardActions } from '../../src/adapters/slack/register-card-actions.ts';
import { registerSlashCommand } from '../../src/adapters/slack/register-slash-command.ts';
import type { Policy, Rollout } from '../../src/core/types.ts';
import { formatViolation, validateMessage } from '../../src/render/index.ts';
import { createSlackStandIn, type SlackStandIn } from '../../src/sandbox/slack/index.ts';
import { createShell, type Shell } from '../../src/shell/create-shell.ts';
import type { Store } from '../../src/shell/ports.ts';
import { createRecordingPorts } from '../fakes/create-recording-ports.ts';
import { POLICY, prAt, SHA_A } from '../support/core-fixtures.ts';

/**
 * `/shiplock` and App Home end to end: the real Bolt HTTP receiver with real signatures, the real
 * WebClient against the local stand-in, the real shell on a real SQLite file. Gates and deploys are fakes.
 */
const CHANNEL = 'C0DEPLOYS';
const ELSEWHERE = 'C0RANDOM';
const SECRET = 'e2e-signing-secret';
const policy: Policy = { ...POLICY, verificationMs: 0 };
const USERS = ['UAUTHOR', 'UBOB', 'UCAROL', 'UDAVE'].map((id) => ({ id, name: id.slice(1).toLowerCase() }));

let dir: string;
let db: Database.Database;
let store: Store;
let slack: SlackStandIn;
let server: RunningServer;
let shell: Shell;
let freezes: Freezes;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shiplock-e2e-'));
  db = openDatabase(join(dir, 'shiplock.db'));
  store = createSqliteStore(db);
  slack = await createSlackStandIn({
    signingSecret: SECRET,
    users: USERS,
    channels: [
      { id: CHANNEL, name: 'deploys', members: USERS.map((u) => u.id) },
      { id: ELSEWHERE, name: 'random', members: USERS.map((u) => u.id) },
    ],
    validate: (payload, surface) => validateMessage(payload, surface).map(formatViolation),
  });
  const logger = createLogger('silent');
  const replyRoutes = createReplyRoutes();
  const clock = { now: () => Date.now() };
  const client = new WebClient(slack.bot.token, { slackApiUrl: slack.apiUrl, rejectRateLimitedCalls: true });
  const notifier = createSlackNotifier({
    client,
    refs: createCardRefs(db),
    clock,
    policyFor: () => policy,
    channelFor: () => CHANNEL,
    replyChannel: replyRoutes.channel,
  });
  const { ports } = createRecordingPorts();
  shell = createShell({
    store,
    ports: { ...ports, notifier },
    clock,
    policyFor: () => policy,
    logger,
    retryBaseMs: 10,
  });
  const app = createSlackApp({
    signingSecret: SECRET,
    botToken: slack.bot.token,
    slackApiUrl: slack.apiUrl,
    logger,
    now: clock.now,
  });
  registerCardActions(app.app, { handle: (e) => shell.handle(e), clock, logger, replyRoutes });
  freezes = createFreezes(db);
  const rollouts = createRolloutIndex(db);
  const reads = { store, rollouts, freezes, policyFor: () => policy };
  registerSlashCommand(app.app, {
    ...reads,
    repoForChannel: (channel) => (channel === CHANNEL ? 'acme/api' : null),
    isKnownRepo: (repo) => repo === 'acme/api',
    handle: (e) => shell.handle(e),
    clock,
    logger,
    replyRoutes,
  });
  registerAppHome(app.app, { ...reads, clock, logger });
  server = await startHttpServer({ '/slack/events': app.requestListener ?? (() => undefined) });
  slack.setAppUrl(`${server.url}/slack/events`);
});

afterEach(async () => {
  shell.stop();
  await server.close();
  await slack.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function rollout(): Rollout {
  const r = store.loadPullRequest('acme/api#7')?.rollouts.at(-1);
  if (r === undefined) throw new Error('no rollout');
  return r;
}

async function openAwaitingApproval(): Promise<void> {
  shell.handle({ type: 'PullRequestOpened', at: Date.now(), pr: prAt(SHA_A), rolloutId: 'r1' });
  await shell.idle();
  expect(rollout().phase).toBe('awaiting_approval');
}

/** Polls until `probe` returns something (work Bolt does after the ack), for at most 2 s. */
async function waitFor<T>(probe: () => T | undefined): Promise<T> {
  for (let i = 0; i < 200; i += 1) {
    const found = probe();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('waitFor: timed out');
}

/** Types the command; the ack must be a 200 carrying an ephemeral answer that passes our validator. */
async function command(user: string, text: string, channel = CHANNEL): Promise<string> {
  const started = performance.now();
  const result = await slack.slashCommand({ user, channel, text });
  expect(performance.now() - started).toBeLessThan(3000);
  expect(result.status).toBe(200);
  const reply = result.json as { response_type?: string; text?: string; blocks?: unknown[] } | undefined;
  expect(reply?.response_type).toBe('ephemeral');
  expect(validateMessage(reply, 'message')).toEqual([]);
  // The stand-in applied the answer as Slack does: an ephemeral message only the asker sees.
  expect(result.reply).toMatchObject({ ok: true });
  await shell.idle();
  return `${reply?.text ?? ''}\n${JSON.stringify(reply?.blocks ?? [])}`;
}

const ephemeralText = (user: string): string =>
  slack
    .ephemeralsFor(user)
    .map((e) => e.text)
    .join('\n');

describe('/shiplock through the real Bolt receiver', () => {
  it('help lists every subcommand; unknown input and an empty line get the usage text', async () => {
    const help = await command('UDAVE', 'help');
    for (const sub of ['status', 'list', 'why', 'cancel', 'freeze on', 'risk', 'help']) expect(help).toContain(sub);
    expect(await command('UDAVE', 'deploy everything now <!channel>')).toMatch(/didn't understand/);
    expect(await command('UDAVE', '')).toMatch(/Tell shiplock what to do/);
    expect(await command('UDAVE', 'why')).toMatch(/Name the rollout/);
  });

  it('risk answers honestly that budgets come with issue #7', async () => {
    expect(await command('UBOB', 'risk')).toMatch(/issue #7/);
  });

  it('list shows the active rollouts: repo#N, short SHA, phase', async () => {
    expect(await command('UBOB', 'list')).toMatch(/No active rollouts/);
    await openAwaitingApproval();
    const list = await command('UBOB', 'list');
    expect(list).toContain('acme/api#7');
    expect(list).toContain(SHA_A.slice(0, 7));
    expect(list).toContain('Awaiting approval');
  });

  it("status without an argument shows this channel's rollouts; with a PR or rollout id, that one", async () => {
    await openAwaitingApproval();
    expect(await command('UDAVE', 'status')).toContain('acme/api#7');
    expect(await command('UDAVE', 'status', ELSEWHERE)).toMatch(/No active rollouts for you/);
    expect(await command('UBOB', 'status', ELSEWHERE)).toContain('acme/api#7');
    expect(await command('UDAVE', 'status acme/api#7', ELSEWHERE)).toMatch(/Approvals: 0 of 2/);
    expect(await command('UDAVE', 'status r1')).toContain('acme/api#7');
    expect(await command('UDAVE', 'status acme/api#8')).toMatch(/knows no rollout/);
  });

  it('why names every unmet condition and who can meet it', async () => {
    await openAwaitingApproval();
    const why = await command('UDAVE', 'why acme/api#7');
    expect(why).toMatch(/2 more approvals needed/);
    expect(why).toContain('<@UBOB>');
    expect(why).toContain('<@UCAROL>');
    expect(why).not.toContain('<@UAUTHOR>');
    expect(why).toMatch(/time lock starts once the approvals are in/);
  });

  it('cancel by a named approver stops the rollout; the core answers ephemerally', async () => {
    await openAwaitingApproval();
    expect(await command('UBOB', 'cancel r1')).toMatch(/Cancel asked/);
    await waitFor(() => (rollout().phase === 'cancelled' ? true : undefined));
    await shell.idle();
    await waitFor(() => (/You cancelled this rollout/.test(ephemeralText('UBOB')) ? true : undefined));
  });

  it('cancel by an outsider is refused by the core and changes nothing', async () => {
    await openAwaitingApproval();
    await command('UDAVE', 'cancel acme/api#7');
    await waitFor(() => (/not a named approver/.test(ephemeralText('UDAVE')) ? true : undefined));
    expect(rollout().phase).toBe('awaiting_approval');
  });

  it('freeze on/off by a named approver is stored and reaches the core; an outsider is refused', async () => {
    await openAwaitingApproval();
    expect(await command('UDAVE', 'freeze on incident 42')).toMatch(/Only named approvers/);
    expect(freezes.get('acme/api')).toBeNull();
    const on = await command('UBOB', 'freeze on incident <!here> 42');
    expect(on).toMatch(/is frozen by <@UBOB>/);
    expect(on).not.toContain('<!here>');
    expect(freezes.get('acme/api')).toMatchObject({ reason: 'incident <!here> 42', by: 'UBOB' });
    expect(store.loadPullRequest('acme/api#7')?.freeze?.by).toBe('UBOB');
    expect(await command('UDAVE', 'freeze off')).toMatch(/Only named approvers/);
    expect(freezes.get('acme/api')).not.toBeNull();
    expect(await command('UCAROL', 'freeze off acme/api', ELSEWHERE)).toMatch(/Freeze lifted/);
    expect(freezes.get('acme/api')).toBeNull();
    expect(store.loadPullRequest('acme/api#7')?.freeze).toBeNull();
    expect(await command('UBOB', 'freeze on', ELSEWHERE)).toMatch(/Name the repository/);
  });
});

describe('App Home through the real Bolt receiver', () => {
  it('publishes the approvals the viewer can give now, and none to the author', async () => {
    await openAwaitingApproval();
    freezes.set('acme/api', { reason: 'release train', by: 'UCAROL', at: Date.now() });
    const opened = await slack.openAppHome({ user: 'UBOB' });
    expect(opened.status).toBe(200);
    const bob = await waitFor(() => slack.homeView('UBOB'));
    expect(validateMessage(bob.view, 'home')).toEqual([]);
    const text = JSON.stringify(bob.view);
    expect(text).toContain('Approvals you can give now');
    expect(text).toContain('acme/api#7');
    expect(text).toContain('release train');
    await slack.openAppHome({ user: 'UAUTHOR' });
    const author = await waitFor(() => slack.homeView('UAUTHOR'));
    expect(JSON.stringify(author.view)).toContain('Nothing is waiting for your approval');
  });
});
