import type { AddressInfo } from 'node:net';
import { App, type BlockAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSlackStandIn, type ForgeOptions, type SlackStandIn } from '../../../src/sandbox/slack/index.ts';
import { createClient, silentLogger } from './create-client.ts';
import { approvalCard, reasonModal, section } from './sample-blocks.ts';

/**
 * Signed interactions through a minimal real Bolt 5 app on its default HTTP receiver (loopback): what
 * Slack would deliver arrives, forged signatures and stale timestamps are refused with 401.
 */
let slack: SlackStandIn;
let app: App;
let client: WebClient;
let cardTs: string;
const approvals: string[] = [];
const reasons: string[] = [];
const warnings: string[] = [];

beforeAll(async () => {
  slack = await createSlackStandIn();
  client = createClient(slack);
  app = new App({
    token: slack.bot.token,
    signingSecret: slack.signingSecret,
    clientOptions: { slackApiUrl: slack.apiUrl },
    logger: { ...silentLogger, warn: (...messages: unknown[]) => void warnings.push(messages.join(' ')) },
  });
  app.action<BlockAction>('shiplock.approve', async ({ ack, body, client: bot }) => {
    approvals.push(body.user.id);
    await ack();
    // After the ack: Slack being slow (latency injected below) must not delay the acknowledgement.
    await bot.chat.update({
      channel: body.channel?.id ?? '',
      ts: body.message?.ts ?? '',
      text: `approved by ${body.user.id}`,
    });
  });
  app.action<BlockAction>('shiplock.reject', async ({ ack, body, client: bot }) => {
    await ack();
    await bot.views.open({
      trigger_id: body.trigger_id,
      view: reasonModal(body.actions[0]?.type === 'button' ? body.actions[0].value : ''),
    });
  });
  app.view('shiplock.reject_modal', async ({ ack, view }) => {
    reasons.push(view.state.values['shiplock.reject_reason']?.['shiplock.reject_reason.input']?.value ?? '');
    await ack();
  });
  app.command('/shiplock', async ({ ack, command, respond }) => {
    await ack({ text: `Looking up ${command.text}…` });
    await respond({ response_type: 'in_channel', text: `status of ${command.text}: awaiting approval` });
  });
  app.event('app_home_opened', async ({ event, client: bot }) => {
    await bot.views.publish({
      user_id: event.user,
      view: { type: 'home', blocks: [section(`Hello <@${event.user}>`)] },
    });
  });
  const server = await app.start({ port: 0, host: '127.0.0.1' });
  slack.setAppUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`);
  cardTs = (await client.chat.postMessage({ channel: 'C0DEPLOYS', text: 'card', blocks: approvalCard() })).ts ?? '';
});
afterAll(async () => {
  await app.stop();
  await slack.close();
});

const click = (user: string, forge?: ForgeOptions) =>
  slack.clickButton({
    user,
    channel: 'C0DEPLOYS',
    messageTs: cardTs,
    actionId: 'shiplock.approve',
    ...(forge === undefined ? {} : { forge }),
  });

describe('a correctly signed click', () => {
  it('reaches the action handler with the verified user id, acked before Slack answers the follow-up', async () => {
    slack.setLatency('chat.update', 1_000);
    const result = await click('U0ALICE');
    expect(result.status).toBe(200);
    expect(result.elapsedMs).toBeLessThan(500);
    expect(approvals).toEqual(['U0ALICE']);
    await vi.waitFor(() => expect(slack.message('C0DEPLOYS', cardTs)?.text).toBe('approved by U0ALICE'), {
      timeout: 3_000,
    });
    slack.setLatency('chat.update', undefined);
  });

  it('carries a trigger_id the handler can exchange for a modal, whose submission arrives', async () => {
    const result = await slack.clickButton({
      user: 'U0BOB',
      channel: 'C0DEPLOYS',
      messageTs: cardTs,
      actionId: 'shiplock.reject',
    });
    expect(result.status).toBe(200);
    const [modal] = await vi.waitFor(() => {
      const open = slack.openModals('U0BOB');
      expect(open).toHaveLength(1);
      return open;
    });
    expect(modal?.view.private_metadata).toBe('r-1');
    const submitted = await slack.submitView({
      user: 'U0BOB',
      viewId: modal?.id ?? '',
      values: { 'shiplock.reject_reason': { 'shiplock.reject_reason.input': 'error rate doubled' } },
    });
    expect(submitted).toMatchObject({ status: 200, outcome: 'closed' });
    expect(reasons).toEqual(['error rate doubled']);
    expect(slack.openModals('U0BOB')).toEqual([]);
  });
});

describe('forged and stale requests (Bolt 5.1 default HTTP receiver)', () => {
  it('refuses a click signed with the wrong secret: 401', async () => {
    const result = await click('U0CAROL', { signingSecret: 'not-the-secret' });
    expect(result.status).toBe(401);
    expect(approvals).not.toContain('U0CAROL');
  });

  it('refuses a click whose timestamp is 6 minutes old: 401', async () => {
    const result = await click('U0CAROL', { timestampSkewSeconds: -6 * 60 });
    expect(result.status).toBe(401);
    expect(warnings.some((warning) => warning.includes('stale'))).toBe(true);
  });

  it('refuses a click without signature headers: 401', async () => {
    expect((await click('U0CAROL', { omitSignature: true })).status).toBe(401);
    expect(approvals).not.toContain('U0CAROL');
  });

  it('ACCEPTS a correctly signed click stamped one hour in the future: shiplock must check that window itself', async () => {
    const result = await click('U0DAVE', { timestampSkewSeconds: 60 * 60 });
    expect(result.status).toBe(200);
    expect(approvals).toContain('U0DAVE');
  });
});

describe('slash commands and App Home', () => {
  it('shows the immediate answer to the user and the in_channel response to everyone', async () => {
    const result = await slack.slashCommand({ user: 'U0ALICE', channel: 'C0DEPLOYS', text: 'acme/api#7' });
    expect(result.status).toBe(200);
    expect(slack.ephemeralsFor('U0ALICE', 'C0DEPLOYS').map((item) => item.text)).toContain('Looking up acme/api#7…');
    await vi.waitFor(() =>
      expect(slack.messages('C0DEPLOYS').map((message) => message.text)).toContain(
        'status of acme/api#7: awaiting approval',
      ),
    );
    expect(slack.callsTo('response_url').at(-1)).toMatchObject({ status: 200, args: { response_type: 'in_channel' } });
  });

  it('delivers app_home_opened, and the handler publishes the Home tab', async () => {
    const result = await slack.openAppHome({ user: 'U0CAROL' });
    expect(result.status).toBe(200);
    await vi.waitFor(() =>
      expect(slack.homeView('U0CAROL')?.view.blocks).toMatchObject([{ text: { text: 'Hello <@U0CAROL>' } }]),
    );
  });

  it('Bolt verified its token against the stand-in with auth.test', () => {
    expect(slack.callsTo('auth.test').length).toBeGreaterThan(0);
  });
});
