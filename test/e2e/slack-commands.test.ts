import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Freezes } from '../../src/adapters/db/create-freezes.ts';
import type { Rollout } from '../../src/core/types.ts';
import { validateMessage } from '../../src/render/index.ts';
import type { SlackStandIn } from '../../src/sandbox/slack/index.ts';
import type { Shell } from '../../src/shell/create-shell.ts';
import type { Store } from '../../src/shell/ports.ts';
import { SHA_A } from '../support/core-fixtures.ts';
import { DEPLOY_CHANNEL, HARNESS_USERS, type SlackHarness, startSlackHarness } from '../support/start-slack-harness.ts';

/**
 * `/shiplock` and App Home end to end: the real Bolt HTTP receiver with real signatures, the real
 * WebClient against the local stand-in, the real shell on a real SQLite file. Gates and deploys are fakes.
 */
const CHANNEL = DEPLOY_CHANNEL;
const ELSEWHERE = 'C0RANDOM';

let harness: SlackHarness;
let store: Store;
let slack: SlackStandIn;
let shell: Shell;
let freezes: Freezes;

beforeEach(async () => {
  harness = await startSlackHarness({
    secret: 'e2e-signing-secret',
    extraChannels: [{ id: ELSEWHERE, name: 'random', members: HARNESS_USERS.map((u) => u.id) }],
  });
  ({ store, slack, shell, freezes } = harness);
});

afterEach(() => harness.close());

function rollout(): Rollout {
  const r = store.loadPullRequest('acme/api#7')?.rollouts.at(-1);
  if (r === undefined) throw new Error('no rollout');
  return r;
}

async function openAwaitingApproval(): Promise<void> {
  await harness.openAwaitingApproval();
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

  it('risk without a ledger attached says so (the bot always attaches one: risk-step-down.test.ts)', async () => {
    expect(await command('UBOB', 'risk')).toMatch(/not measured/);
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
