import type { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackStandIn, type SlackStandIn } from '../../../src/sandbox/slack/index.ts';
import { createClient } from './create-client.ts';
import { approvalCard, section } from './sample-blocks.ts';
import { slackError } from './slack-error.ts';

/** The real `@slack/web-api` client against the stand-in: messages, threads, ephemerals, look-ups, auth. */
let slack: SlackStandIn;
let client: WebClient;

beforeAll(async () => {
  slack = await createSlackStandIn({
    channels: [
      { id: 'C0DEPLOYS', name: 'deploys' },
      { id: 'C0SMALL', name: 'small-room', members: ['U0ALICE'] },
      { id: 'C0OLD', name: 'old-deploys', isArchived: true },
      { id: 'C0PUBLIC', name: 'elsewhere', botIsMember: false },
      { id: 'G0SECRET', name: 'secret', isPrivate: true, botIsMember: false },
    ],
  });
  client = createClient(slack);
});
afterAll(() => slack.close());

describe('the server', () => {
  it('listens on loopback only, on an ephemeral port', () => {
    expect(slack.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(slack.apiUrl).toBe(`${slack.url}/api/`);
  });

  it('answers auth.test with the bot identity', async () => {
    const result = await client.auth.test();
    expect(result).toMatchObject({ ok: true, user_id: 'U0SHIPLOCK', bot_id: 'B0SHIPLOCK', team_id: 'T0SANDBOX' });
  });
});

describe('chat.postMessage', () => {
  it('stores the card with its blocks decoded from the form body and records unfurl flags', async () => {
    const blocks = approvalCard();
    const result = await client.chat.postMessage({
      channel: 'C0DEPLOYS',
      text: 'acme/api #7 awaits approval',
      blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
    expect(result.ts).toMatch(/^\d{10}\.\d{6}$/);
    const stored = slack.message('C0DEPLOYS', result.ts ?? '');
    expect(stored).toMatchObject({ text: 'acme/api #7 awaits approval', unfurlLinks: false, unfurlMedia: false });
    expect(stored?.blocks?.[2]).toMatchObject({ type: 'actions', block_id: 'shiplock.actions' });
    expect(result.message).toMatchObject({ bot_id: 'B0SHIPLOCK', app_id: 'A0SHIPLOCK', type: 'message' });
    const call = slack.callsTo('chat.postMessage').at(-1);
    expect(call?.args).toMatchObject({ channel: 'C0DEPLOYS', unfurl_links: false, blocks });
    expect(call?.args).not.toHaveProperty('token');
    expect(call?.token).toBe(slack.bot.token);
  });

  it('gives blocks without a block_id one, as Slack does', async () => {
    const result = await client.chat.postMessage({ channel: 'C0DEPLOYS', text: 'x', blocks: [section('hi')] });
    expect(slack.message('C0DEPLOYS', result.ts ?? '')?.blocks?.[0]).toHaveProperty('block_id');
  });

  it('issues strictly increasing ts values', async () => {
    const posted = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => client.chat.postMessage({ channel: 'C0DEPLOYS', text: `m${n}` })),
    );
    const stamps = posted.map((result) => result.ts ?? '').sort();
    expect(new Set(stamps).size).toBe(5);
    for (const [index, ts] of stamps.entries())
      if (index > 0) expect(Number(ts) > Number(stamps[index - 1])).toBe(true);
  });

  it('resolves a channel name and a user id (their IM)', async () => {
    expect((await client.chat.postMessage({ channel: '#deploys', text: 'by name' })).channel).toBe('C0DEPLOYS');
    const dm = await client.chat.postMessage({ channel: 'U0ALICE', text: 'psst' });
    expect(dm.channel).toBe('D0ALICE');
    expect(slack.messages('D0ALICE').map((message) => message.text)).toEqual(['psst']);
  });

  it.each([
    ['C0NOPE', 'channel_not_found'],
    ['G0SECRET', 'channel_not_found'],
    ['C0OLD', 'is_archived'],
    ['C0PUBLIC', 'not_in_channel'],
  ])('refuses channel %s with %s', async (channel, error) => {
    expect(await slackError(client.chat.postMessage({ channel, text: 'x' }))).toBe(error);
  });

  it('refuses a message with nothing to show', async () => {
    expect(await slackError(client.chat.postMessage({ channel: 'C0DEPLOYS', text: '' }))).toBe('no_text');
  });
});

describe('threads', () => {
  it('hangs replies off the parent, also when the reply names another reply', async () => {
    const parent = await client.chat.postMessage({ channel: 'C0DEPLOYS', text: 'card' });
    const first = await client.chat.postMessage({ channel: 'C0DEPLOYS', text: 'gate log', thread_ts: parent.ts ?? '' });
    await client.chat.postMessage({ channel: 'C0DEPLOYS', text: 'review', thread_ts: first.ts ?? '' });
    expect(slack.thread('C0DEPLOYS', parent.ts ?? '').map((reply) => reply.text)).toEqual(['gate log', 'review']);
    expect(slack.thread('C0DEPLOYS', parent.ts ?? '').every((reply) => reply.threadTs === parent.ts)).toBe(true);
    expect(slack.messages('C0DEPLOYS').map((message) => message.ts)).not.toContain(first.ts);
  });

  it('accepts a thread_ts that names nothing and shows the reply nowhere (python-slack-sdk #840)', async () => {
    const reply = await client.chat.postMessage({ channel: 'C0DEPLOYS', text: 'lost', thread_ts: '1.000001' });
    expect(reply.ok).toBe(true);
    expect(slack.orphans.map((message) => message.ts)).toContain(reply.ts);
  });

  it('links a reply with thread_ts and cid, like Slack permalinks', async () => {
    const parent = await client.chat.postMessage({ channel: 'C0DEPLOYS', text: 'card' });
    const reply = await client.chat.postMessage({ channel: 'C0DEPLOYS', text: 'r', thread_ts: parent.ts ?? '' });
    const top = await client.chat.getPermalink({ channel: 'C0DEPLOYS', message_ts: parent.ts ?? '' });
    expect(top.permalink).toBe(`${slack.url}/archives/C0DEPLOYS/p${(parent.ts ?? '').replace('.', '')}`);
    const nested = await client.chat.getPermalink({ channel: 'C0DEPLOYS', message_ts: reply.ts ?? '' });
    expect(nested.permalink).toContain(`?thread_ts=${parent.ts}&cid=C0DEPLOYS`);
    expect(await slackError(client.chat.getPermalink({ channel: 'C0DEPLOYS', message_ts: '9.9' }))).toBe(
      'message_not_found',
    );
  });
});

describe('chat.update', () => {
  it('edits in place and keeps the previous version', async () => {
    const posted = await client.chat.postMessage({ channel: 'C0DEPLOYS', text: 'v1', blocks: approvalCard() });
    const before = slack.messages('C0DEPLOYS').length;
    const updated = await client.chat.update({
      channel: 'C0DEPLOYS',
      ts: posted.ts ?? '',
      text: 'v2',
      blocks: [section('done')],
    });
    expect(updated).toMatchObject({ ok: true, ts: posted.ts, text: 'v2' });
    expect(updated.message?.edited).toMatchObject({ user: 'B0SHIPLOCK' });
    const stored = slack.message('C0DEPLOYS', posted.ts ?? '');
    expect(stored?.text).toBe('v2');
    expect(stored?.history.map((version) => version.text)).toEqual(['v1']);
    expect(slack.messages('C0DEPLOYS').length).toBe(before);
  });

  it('keeps the blocks when the update sends none, as documented', async () => {
    const posted = await client.chat.postMessage({
      channel: 'C0DEPLOYS',
      text: 'v1',
      blocks: [section('keep me', 'keep')],
    });
    await client.chat.update({ channel: 'C0DEPLOYS', ts: posted.ts ?? '', text: 'v2' });
    expect(slack.message('C0DEPLOYS', posted.ts ?? '')?.blocks).toEqual([section('keep me', 'keep')]);
  });

  it('answers message_not_found and channel_not_found', async () => {
    expect(await slackError(client.chat.update({ channel: 'C0DEPLOYS', ts: '1.000000', text: 'x' }))).toBe(
      'message_not_found',
    );
    expect(await slackError(client.chat.update({ channel: 'C0NOPE', ts: '1.000000', text: 'x' }))).toBe(
      'channel_not_found',
    );
  });

  it('refuses text over 40,000 characters with msg_too_long', async () => {
    const posted = await client.chat.postMessage({ channel: 'C0DEPLOYS', text: 'short' });
    const long = 'x'.repeat(40_001);
    expect(await slackError(client.chat.update({ channel: 'C0DEPLOYS', ts: posted.ts ?? '', text: long }))).toBe(
      'msg_too_long',
    );
  });
});

describe('chat.postEphemeral', () => {
  it('shows a message to one user only', async () => {
    const result = await client.chat.postEphemeral({
      channel: 'C0DEPLOYS',
      user: 'U0BOB',
      text: 'You are not an approver',
    });
    expect(result.message_ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(slack.ephemeralsFor('U0BOB', 'C0DEPLOYS').map((item) => item.text)).toContain('You are not an approver');
    expect(slack.messages('C0DEPLOYS').map((message) => message.text)).not.toContain('You are not an approver');
  });

  it('answers user_not_in_channel for a non-member or an unknown user', async () => {
    expect(await slackError(client.chat.postEphemeral({ channel: 'C0SMALL', user: 'U0BOB', text: 'x' }))).toBe(
      'user_not_in_channel',
    );
    expect(await slackError(client.chat.postEphemeral({ channel: 'C0DEPLOYS', user: 'U0GHOST', text: 'x' }))).toBe(
      'user_not_in_channel',
    );
  });
});

describe('look-ups', () => {
  it('answers users.info, conversations.info and usergroups.users.list', async () => {
    const user = await client.users.info({ user: 'U0ALICE' });
    expect(user.user).toMatchObject({ id: 'U0ALICE', name: 'alice', real_name: 'Alice Adams', is_bot: false });
    const channel = await client.conversations.info({ channel: 'C0DEPLOYS' });
    expect(channel.channel).toMatchObject({ id: 'C0DEPLOYS', name: 'deploys', is_channel: true, is_private: false });
    const group = await client.usergroups.users.list({ usergroup: 'S0APPROVERS' });
    expect(group.users).toEqual(['U0ALICE', 'U0BOB', 'U0CAROL']);
  });

  it('answers user_not_found, channel_not_found and no_such_subteam', async () => {
    expect(await slackError(client.users.info({ user: 'U0GHOST' }))).toBe('user_not_found');
    expect(await slackError(client.conversations.info({ channel: 'C0GHOST' }))).toBe('channel_not_found');
    expect(await slackError(client.usergroups.users.list({ usergroup: 'S0GHOST' }))).toBe('no_such_subteam');
  });
});

describe('authentication and request formats', () => {
  it('answers not_authed without a token and invalid_auth for an unknown one', async () => {
    const anonymous = createClient(slack, null);
    expect(await slackError(anonymous.auth.test())).toBe('not_authed');
    const stranger = createClient(slack, 'xoxb-not-ours');
    expect(await slackError(stranger.chat.postMessage({ channel: 'C0DEPLOYS', text: 'x' }))).toBe('invalid_auth');
  });

  it('accepts a JSON body with a Bearer header, but never a token inside JSON', async () => {
    const post = (headers: Record<string, string>, body: unknown) =>
      fetch(`${slack.apiUrl}chat.postMessage`, { method: 'POST', headers, body: JSON.stringify(body) }).then(
        (response) => response.json() as Promise<Record<string, unknown>>,
      );
    const json = { 'Content-Type': 'application/json; charset=utf-8' };
    const blocks = [section('from JSON')];
    const ok = await post(
      { ...json, Authorization: `Bearer ${slack.bot.token}` },
      { channel: 'C0DEPLOYS', text: 'j', blocks },
    );
    expect(ok).toMatchObject({ ok: true, channel: 'C0DEPLOYS' });
    expect(slack.message('C0DEPLOYS', String(ok.ts))?.blocks?.[0]).toMatchObject({ text: { text: 'from JSON' } });
    const smuggled = await post(json, { token: slack.bot.token, channel: 'C0DEPLOYS', text: 'j' });
    expect(smuggled).toEqual({ ok: false, error: 'not_authed' });
  });

  it('answers invalid_json, invalid_blocks_format and unknown_method', async () => {
    const headers = { Authorization: `Bearer ${slack.bot.token}` };
    const bad = await fetch(`${slack.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: '{not json',
    });
    expect(await bad.json()).toEqual({ ok: false, error: 'invalid_json' });
    const form = new URLSearchParams({ channel: 'C0DEPLOYS', text: 'x', blocks: '[{oops' });
    const broken = await fetch(`${slack.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(await broken.json()).toEqual({ ok: false, error: 'invalid_blocks_format' });
    expect(await slackError(client.apiCall('chat.delete', { channel: 'C0DEPLOYS', ts: '1.0' }))).toBe('unknown_method');
  });

  it('records every call with its method, time and answer', () => {
    const failed = slack.calls.filter((call) => call.response.ok === false);
    expect(failed.length).toBeGreaterThan(0);
    for (const call of slack.calls) {
      expect(typeof call.method).toBe('string');
      expect(typeof call.at).toBe('number');
      expect(call.status).toBe(200);
    }
  });
});
