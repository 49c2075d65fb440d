import { verifySlackRequest } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createManualClock,
  createSlackStandIn,
  RESPONSE_URL_MAX_USES,
  type SlackStandIn,
  signSlackRequest,
} from '../../../src/sandbox/slack/index.ts';
import { createClient } from './create-client.ts';
import { readFixture, readJsonFixture } from './read-fixture.ts';
import { approvalCard, reasonModal } from './sample-blocks.ts';
import { type CaptureApp, startCaptureApp } from './start-capture-app.ts';

/** What the stand-in sends looks like what Slack sends (the recorded fixtures), signed like Slack. */
type Json = Record<string, unknown>;
const keys = (value: unknown) => Object.keys(value as Json).sort();
const clock = createManualClock(Date.now());
let slack: SlackStandIn;
let app: CaptureApp;
let client: WebClient;
let cardTs: string;

const lastPayload = (): Json => {
  const body = app.requests.at(-1)?.body ?? '';
  return JSON.parse(new URLSearchParams(body).get('payload') ?? body) as Json;
};

beforeAll(async () => {
  app = await startCaptureApp();
  slack = await createSlackStandIn({ appUrl: app.url, clock: clock.now });
  client = createClient(slack);
  cardTs = (await client.chat.postMessage({ channel: 'C0DEPLOYS', text: 'card', blocks: approvalCard() })).ts ?? '';
});
afterAll(async () => {
  await slack.close();
  await app.close();
});

describe('signing', () => {
  it('reproduces the known-answer vector from Slack docs', () => {
    const vector = readJsonFixture<Record<string, string>>('signature_test_vector.slack-docs.json');
    const signature = signSlackRequest(
      vector.signing_secret ?? '',
      vector.x_slack_request_timestamp ?? '',
      vector.raw_body ?? '',
    );
    expect(signature).toBe(vector.x_slack_signature);
  });

  it('signs the exact bytes it sends, which Bolt verifies', async () => {
    await slack.clickButton({ user: 'U0ALICE', channel: 'C0DEPLOYS', messageTs: cardTs, actionId: 'shiplock.approve' });
    const request = app.requests.at(-1);
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const timestamp = Number(request?.headers['x-slack-request-timestamp']);
    expect(timestamp).toBe(Math.floor(clock.now() / 1000));
    expect(() =>
      verifySlackRequest({
        signingSecret: slack.signingSecret,
        body: request?.body ?? '',
        headers: {
          'x-slack-signature': String(request?.headers['x-slack-signature']),
          'x-slack-request-timestamp': timestamp,
        },
      }),
    ).not.toThrow();
  });
});

describe('payload shapes', () => {
  it('block_actions has every field of the recorded button click', async () => {
    const fixture = readJsonFixture('block_actions.button.json');
    const result = await slack.clickButton({
      user: 'U0BOB',
      channel: 'C0DEPLOYS',
      messageTs: cardTs,
      actionId: 'shiplock.reject',
    });
    const payload = lastPayload();
    expect(payload).toEqual(result.payload);
    expect(keys(payload)).toEqual(expect.arrayContaining(keys(fixture)));
    expect(keys(payload.user)).toEqual(keys(fixture.user));
    expect(keys(payload.container)).toEqual(keys(fixture.container));
    expect(keys((payload.actions as unknown[])[0])).toEqual(
      expect.arrayContaining(keys((fixture.actions as unknown[])[0])),
    );
    expect(payload).toMatchObject({
      user: { id: 'U0BOB', username: 'bob' },
      container: { type: 'message', message_ts: cardTs, channel_id: 'C0DEPLOYS', is_ephemeral: false },
      channel: { id: 'C0DEPLOYS', name: 'deploys' },
      message: { ts: cardTs, bot_id: 'B0SHIPLOCK' },
      actions: [
        { action_id: 'shiplock.reject', block_id: 'shiplock.actions', value: 'r-1', type: 'button', style: 'danger' },
      ],
    });
    expect(payload.response_url).toBe(result.responseUrl);
    expect(String(payload.response_url).startsWith(`${slack.url}/actions/T0SANDBOX/`)).toBe(true);
  });

  it('refuses to click a button that is not on the message', async () => {
    await expect(
      slack.clickButton({ user: 'U0BOB', channel: 'C0DEPLOYS', messageTs: cardTs, actionId: 'shiplock.rollback' }),
    ).rejects.toThrow(/no element with action_id shiplock.rollback/);
  });

  it('view_submission and view_closed have every field of the recorded ones', async () => {
    const modal = { ...reasonModal(), notify_on_close: true };
    const opened = await client.views.open({ trigger_id: slack.issueTriggerId('U0CAROL'), view: modal });
    const viewId = opened.view?.id ?? '';
    await slack.submitView({
      user: 'U0CAROL',
      viewId,
      values: { 'shiplock.reject_reason': { 'shiplock.reject_reason.input': 'flaky canary' } },
    });
    const submission = lastPayload();
    const fixture = readJsonFixture('view_submission.json');
    expect(keys(submission)).toEqual(expect.arrayContaining(keys(fixture)));
    expect(keys(submission.view)).toEqual(expect.arrayContaining(keys(fixture.view)));
    expect(submission.view).toMatchObject({
      id: viewId,
      state: {
        values: {
          'shiplock.reject_reason': {
            'shiplock.reject_reason.input': { type: 'plain_text_input', value: 'flaky canary' },
          },
        },
      },
    });
    const reopened = await client.views.open({ trigger_id: slack.issueTriggerId('U0CAROL'), view: modal });
    await slack.closeView({ user: 'U0CAROL', viewId: reopened.view?.id ?? '' });
    const closed = lastPayload();
    expect(closed.type).toBe('view_closed');
    expect(keys(closed)).toEqual(expect.arrayContaining(keys(readJsonFixture('view_closed.json'))));
  });

  it('a slash command has the recorded fields, in Slack order', async () => {
    const fixture = [...new URLSearchParams(readFixture('slash_command.form.txt').trim()).keys()];
    const result = await slack.slashCommand({ user: 'U0ALICE', channel: 'C0DEPLOYS', text: 'status acme/api#7' });
    const sent = [...new URLSearchParams(app.requests.at(-1)?.body ?? '').keys()];
    const gridOnly = ['enterprise_id', 'enterprise_name'];
    expect(sent.filter((key) => fixture.includes(key))).toEqual(fixture.filter((key) => !gridOnly.includes(key)));
    expect(result.fields).toMatchObject({
      command: '/shiplock',
      text: 'status acme/api#7',
      user_id: 'U0ALICE',
      channel_id: 'C0DEPLOYS',
    });
    expect(app.requests.at(-1)?.body).toContain('command=%2Fshiplock&text=status+acme%2Fapi%237');
  });

  it('app_home_opened is a JSON event_callback with the recorded fields', async () => {
    const fixture = readJsonFixture('slack-web.app_home_opened_home.json');
    await slack.openAppHome({ user: 'U0DAVE' });
    const request = app.requests.at(-1);
    expect(request?.headers['content-type']).toBe('application/json');
    const payload = JSON.parse(request?.body ?? '') as Json;
    expect(keys(payload)).toEqual(keys(fixture));
    expect(keys(payload.event)).toEqual(keys(fixture.event));
    expect(payload.event).toMatchObject({ type: 'app_home_opened', user: 'U0DAVE', channel: 'D0DAVE', tab: 'home' });
  });

  it('chat.update and views.publish answer with the recorded response fields', async () => {
    const update = await client.chat.update({ channel: 'C0DEPLOYS', ts: cardTs, text: 'v2' });
    const updateFixture = readJsonFixture('slack-web.chat.update.response.json');
    expect(keys(update)).toEqual(expect.arrayContaining(keys(updateFixture)));
    expect(keys(update.message)).toEqual(expect.arrayContaining(keys(updateFixture.message)));
    const publish = await client.views.publish({ user_id: 'U0DAVE', view: { type: 'home', blocks: [] } });
    const publishFixture = readJsonFixture('slack-web.views.publish_example.json');
    expect(keys(publish.view)).toEqual(expect.arrayContaining(keys(publishFixture.view)));
  });
});

describe('response_url', () => {
  const post = (url: string, body: Json) =>
    fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  it('replaces the clicked message, then posts ephemerally, up to 5 uses', async () => {
    const { responseUrl } = await slack.clickButton({
      user: 'U0ALICE',
      channel: 'C0DEPLOYS',
      messageTs: cardTs,
      actionId: 'shiplock.approve',
    });
    const url = responseUrl ?? '';
    expect((await post(url, { replace_original: true, text: 'Approved by alice' })).status).toBe(200);
    expect(slack.message('C0DEPLOYS', cardTs)?.text).toBe('Approved by alice');
    for (let use = 2; use <= RESPONSE_URL_MAX_USES; use += 1)
      expect((await post(url, { text: `note ${use}` })).status).toBe(200);
    expect(slack.ephemeralsFor('U0ALICE', 'C0DEPLOYS').map((item) => item.text)).toContain('note 5');
    const sixth = await post(url, { text: 'one too many' });
    expect(sixth.status).toBe(404);
    expect(await sixth.json()).toEqual({ ok: false, error: 'used_url' });
    expect(slack.callsTo('response_url').at(-1)).toMatchObject({ status: 404, args: { text: 'one too many' } });
  });

  it('lets a stale client click a button the card no longer shows', async () => {
    expect(slack.message('C0DEPLOYS', cardTs)?.blocks).toBeUndefined();
    const result = await slack.clickButton({
      user: 'U0BOB',
      channel: 'C0DEPLOYS',
      messageTs: cardTs,
      actionId: 'shiplock.approve',
      staleVersion: 0,
    });
    expect(result.payload).toMatchObject({ actions: [{ action_id: 'shiplock.approve', value: 'r-1' }] });
  });

  it('expires after 30 minutes and refuses broken blocks', async () => {
    const card = await client.chat.postMessage({ channel: 'C0DEPLOYS', text: 'card', blocks: approvalCard('r-2') });
    const { responseUrl } = await slack.clickButton({
      user: 'U0ALICE',
      channel: 'C0DEPLOYS',
      messageTs: card.ts ?? '',
      actionId: 'shiplock.approve',
    });
    const url = responseUrl ?? '';
    const broken = await post(url, {
      text: 't',
      blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }],
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ ok: false, error: 'invalid_blocks' });
    clock.advance(30 * 60 * 1000 + 1);
    expect(await (await post(url, { text: 'late' })).json()).toEqual({ ok: false, error: 'expired_url' });
  });
});
