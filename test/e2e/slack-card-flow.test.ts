import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Rollout } from '../../src/core/types.ts';
import { ACTION_ID, BLOCK_ID } from '../../src/render/index.ts';
import type { SlackStandIn } from '../../src/sandbox/slack/index.ts';
import type { Shell } from '../../src/shell/create-shell.ts';
import type { Store } from '../../src/shell/ports.ts';
import { prAt } from '../support/core-fixtures.ts';
import { DEPLOY_CHANNEL, type SlackHarness, startSlackHarness } from '../support/start-slack-harness.ts';

/**
 * The Slack side end to end: the real Bolt HTTP receiver with real signatures, the real WebClient
 * against the local stand-in, the real shell on a real SQLite file. Gates and deploys are fakes.
 */
const CHANNEL = DEPLOY_CHANNEL;

let harness: SlackHarness;
let store: Store;
let slack: SlackStandIn;
let shell: Shell;

beforeEach(async () => {
  harness = await startSlackHarness({ secret: 'e2e-signing-secret' });
  ({ store, slack, shell } = harness);
});

afterEach(() => harness.close());

function rollout(): Rollout {
  const r = store.loadPullRequest('acme/api#7')?.rollouts.at(-1);
  if (r === undefined) throw new Error('no rollout');
  return r;
}

async function openAwaitingApproval(): Promise<string> {
  const ts = await harness.openAwaitingApproval();
  expect(slack.messages(CHANNEL)).toHaveLength(1);
  return ts;
}

async function click(user: string, actionId: string, messageTs: string) {
  const result = await slack.clickButton({ user, channel: CHANNEL, messageTs, actionId });
  await shell.idle();
  return result;
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

const ephemeralText = (user: string): string =>
  slack
    .ephemeralsFor(user)
    .map((e) => e.text)
    .join('\n');

describe('Slack card flow through the real Bolt receiver', () => {
  it('posts one card with unfurls off, updates it in place, and keeps details in its thread', async () => {
    const ts = await openAwaitingApproval();
    const card = slack.message(CHANNEL, ts);
    expect(card?.unfurlLinks).toBe(false);
    expect(card?.unfurlMedia).toBe(false);
    expect(JSON.stringify(card?.blocks)).toContain(ACTION_ID.approve);
    expect(slack.callsTo('chat.update').length).toBeGreaterThan(0);
    expect(slack.thread(CHANNEL, ts).length).toBeGreaterThan(0);
    expect(slack.messages(CHANNEL)).toHaveLength(1);
  });

  it('approve to quorum: two named approvers start the time lock; each click is acknowledged at once', async () => {
    const ts = await openAwaitingApproval();
    const first = await click('UBOB', ACTION_ID.approve, ts);
    expect(first.status).toBe(200);
    expect(ephemeralText('UBOB')).toMatch(/approval is recorded/);
    await click('UCAROL', ACTION_ID.approve, ts);
    expect(rollout().phase).toBe('time_locked');
    expect(rollout().approvals.map((a) => a.user)).toEqual(['UBOB', 'UCAROL']);
    expect(JSON.stringify(slack.message(CHANNEL, ts)?.blocks)).toContain(ACTION_ID.cancel);
  });

  it("the author's click does not count and says why", async () => {
    const ts = await openAwaitingApproval();
    await click('UAUTHOR', ACTION_ID.approve, ts);
    expect(rollout().approvals).toEqual([]);
    expect(ephemeralText('UAUTHOR')).toMatch(/wrote part of this change/i);
  });

  it("an outsider's click does not count and says why", async () => {
    const ts = await openAwaitingApproval();
    await click('UDAVE', ACTION_ID.approve, ts);
    expect(rollout().approvals).toEqual([]);
    expect(ephemeralText('UDAVE')).not.toBe('');
  });

  it('a superseded card says so, loses its buttons and links to the new card', async () => {
    const ts = await openAwaitingApproval();
    shell.handle({ type: 'PullRequestPushed', at: Date.now(), pr: prAt('b'.repeat(40)), rolloutId: 'r2' });
    await shell.idle();
    const cards = slack.messages(CHANNEL);
    expect(cards).toHaveLength(2);
    const newTs = cards[1]?.ts ?? '';
    const old = await waitFor(() => {
      const blocks = JSON.stringify(slack.message(CHANNEL, ts)?.blocks ?? []);
      return blocks.includes(ACTION_ID.openNewCard) ? blocks : undefined;
    });
    expect(old).toContain('This card is superseded');
    for (const id of [ACTION_ID.approve, ACTION_ID.reject, ACTION_ID.cancel]) expect(old).not.toContain(id);
    const permalink = /"url":"([^"]+)"/.exec(old)?.[1] ?? '';
    expect(permalink).toContain(newTs.replace('.', ''));
    const clicked = await slack.clickButton({
      user: 'UBOB',
      channel: CHANNEL,
      messageTs: ts,
      actionId: ACTION_ID.openNewCard,
    });
    expect(clicked.status).toBe(200);
    await shell.idle();
    expect(rollout().approvals).toEqual([]);
  });

  it('a click on a stale card (an old version with the old SHA) is refused', async () => {
    const ts = await openAwaitingApproval();
    await click('UBOB', ACTION_ID.approve, ts);
    shell.handle({ type: 'PullRequestPushed', at: Date.now(), pr: prAt('b'.repeat(40)), rolloutId: 'r2' });
    await shell.idle();
    const history = slack.message(CHANNEL, ts)?.history ?? [];
    const staleVersion = history.findLastIndex((v) => JSON.stringify(v.blocks).includes(ACTION_ID.approve));
    expect(staleVersion).toBeGreaterThanOrEqual(0);
    await slack.clickButton({
      user: 'UCAROL',
      channel: CHANNEL,
      messageTs: ts,
      actionId: ACTION_ID.approve,
      staleVersion,
    });
    await shell.idle();
    expect(store.loadPullRequest('acme/api#7')?.rollouts.map((r) => r.phase)).toEqual([
      'superseded',
      'awaiting_approval',
    ]);
    expect(rollout().approvals).toEqual([]);
    expect(ephemeralText('UCAROL')).toMatch(/older commit/);
  });

  it('reject opens a modal; the reason is required, recorded and ends the rollout', async () => {
    const ts = await openAwaitingApproval();
    await click('UBOB', ACTION_ID.reject, ts);
    // The modal opens right after the ack, with the click's trigger_id.
    const modal = await waitFor(() => slack.openModals('UBOB')[0]);
    const empty = await slack.submitView({ user: 'UBOB', viewId: modal?.id ?? '', values: {} });
    expect(empty.outcome).toBe('errors');
    expect(rollout().phase).toBe('awaiting_approval');
    const values = { [BLOCK_ID.rejectReason]: { [ACTION_ID.rejectReason]: 'p99 regression in staging' } };
    const sent = await slack.submitView({ user: 'UBOB', viewId: modal?.id ?? '', values });
    await shell.idle();
    expect(sent.outcome).toBe('closed');
    expect(rollout().phase).toBe('rejected');
    expect(rollout().ended?.reason).toEqual({ code: 'rejected_by', user: 'UBOB', reason: 'p99 regression in staging' });
  });

  it('cancel during the time lock stops the rollout', async () => {
    const ts = await openAwaitingApproval();
    await click('UBOB', ACTION_ID.approve, ts);
    await click('UCAROL', ACTION_ID.approve, ts);
    await click('UBOB', ACTION_ID.cancel, ts);
    expect(rollout().phase).toBe('cancelled');
  });

  it.each([
    ['a forged signature', { signingSecret: 'not-the-secret' }],
    ['a timestamp 6 minutes old', { timestampSkewSeconds: -360 }],
    ['a timestamp 6 minutes in the future (Bolt alone accepts it)', { timestampSkewSeconds: 360 }],
  ])('refuses %s with 401 and records nothing', async (_name, forge) => {
    const ts = await openAwaitingApproval();
    const result = await slack.clickButton({
      user: 'UBOB',
      channel: CHANNEL,
      messageTs: ts,
      actionId: ACTION_ID.approve,
      forge,
    });
    await shell.idle();
    expect(result.status).toBe(401);
    expect(rollout().approvals).toEqual([]);
  });

  it('double clicks and concurrent clicks from mixed users count once each', async () => {
    const ts = await openAwaitingApproval();
    const users = ['UBOB', 'UCAROL', 'UAUTHOR', 'UDAVE'];
    const clicks = Array.from({ length: 200 }, (_, i) => users[i % users.length] ?? 'UBOB');
    const results = await Promise.all(
      clicks.map((user) => slack.clickButton({ user, channel: CHANNEL, messageTs: ts, actionId: ACTION_ID.approve })),
    );
    await shell.idle();
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(
      rollout()
        .approvals.map((a) => a.user)
        .sort(),
    ).toEqual(['UBOB', 'UCAROL']);
  });
});
