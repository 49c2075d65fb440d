import type { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock, createSlackStandIn, type SlackStandIn } from '../../../src/sandbox/slack/index.ts';
import { createClient } from './create-client.ts';
import { reasonModal, section } from './sample-blocks.ts';
import { slackError } from './slack-error.ts';

/** views.open trigger rules (single use, 3 s) with an injected clock; views.update and views.publish. */
const clock = createManualClock(Date.UTC(2025, 0, 6, 9, 0, 0));
let slack: SlackStandIn;
let client: WebClient;

beforeAll(async () => {
  slack = await createSlackStandIn({ clock: clock.now });
  client = createClient(slack);
});
afterAll(() => slack.close());

describe('views.open', () => {
  it('opens a modal for the user behind a fresh trigger_id', async () => {
    const trigger = slack.issueTriggerId('U0ALICE');
    clock.advance(2_999);
    const result = await client.views.open({ trigger_id: trigger, view: reasonModal() });
    expect(result.view).toMatchObject({ type: 'modal', callback_id: 'shiplock.reject_modal', private_metadata: 'r-1' });
    expect(result.view?.id).toMatch(/^V[A-Z0-9]{10}$/);
    expect(slack.openModals('U0ALICE').map((view) => view.id)).toEqual([result.view?.id]);
  });

  it('refuses a trigger_id used twice with exchanged_trigger_id', async () => {
    const trigger = slack.issueTriggerId('U0BOB');
    await client.views.open({ trigger_id: trigger, view: reasonModal() });
    expect(await slackError(client.views.open({ trigger_id: trigger, view: reasonModal() }))).toBe(
      'exchanged_trigger_id',
    );
  });

  it('refuses a trigger_id older than 3 s with expired_trigger_id', async () => {
    const trigger = slack.issueTriggerId('U0CAROL');
    clock.advance(3_001);
    expect(await slackError(client.views.open({ trigger_id: trigger, view: reasonModal() }))).toBe(
      'expired_trigger_id',
    );
  });

  it('refuses a trigger_id it never issued with invalid_trigger_id', async () => {
    expect(await slackError(client.views.open({ trigger_id: '12345.98765.abcd2358fdea', view: reasonModal() }))).toBe(
      'invalid_trigger_id',
    );
  });

  it('refuses a modal with a title over 24 characters with invalid_arguments and details', async () => {
    const view = { ...reasonModal(), title: { type: 'plain_text' as const, text: 'x'.repeat(25) } };
    const error = await client.views
      .open({ trigger_id: slack.issueTriggerId('U0ALICE'), view })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      data: {
        ok: false,
        error: 'invalid_arguments',
        response_metadata: { messages: ['[ERROR] must be less than 25 characters [json-pointer:/view/title/text]'] },
      },
    });
  });
});

describe('views.update', () => {
  it('replaces a view by id and refuses a stale hash with hash_conflict', async () => {
    const opened = await client.views.open({ trigger_id: slack.issueTriggerId('U0DAVE'), view: reasonModal() });
    const id = opened.view?.id ?? '';
    const hash = opened.view?.hash ?? '';
    clock.advance(1000);
    const next = { ...reasonModal(), title: { type: 'plain_text' as const, text: 'Still sure?' } };
    const updated = await client.views.update({ view_id: id, hash, view: next });
    expect(updated.view).toMatchObject({ id, title: { text: 'Still sure?' } });
    expect(updated.view?.hash).not.toBe(hash);
    expect(await slackError(client.views.update({ view_id: id, hash, view: next }))).toBe('hash_conflict');
    expect(await slackError(client.views.update({ view_id: 'V0NOPE', view: next }))).toBe('not_found');
  });
});

describe('views.publish', () => {
  it('stores one Home tab per user, keeping its id across publishes', async () => {
    const home = (text: string) => ({ type: 'home' as const, blocks: [section(text)] });
    const first = await client.views.publish({ user_id: 'U0ALICE', view: home('2 approvals waiting') });
    const second = await client.views.publish({ user_id: 'U0ALICE', view: home('1 approval waiting') });
    await client.views.publish({ user_id: 'U0BOB', view: home('nothing for you') });
    expect(second.view?.id).toBe(first.view?.id);
    expect(slack.homeView('U0ALICE')?.view.blocks).toMatchObject([{ text: { text: '1 approval waiting' } }]);
    expect(slack.homeView('U0ALICE')?.history).toHaveLength(1);
    expect(slack.homeView('U0BOB')?.view.blocks).toMatchObject([{ text: { text: 'nothing for you' } }]);
  });

  it('answers invalid_arguments for an unknown user, a modal, or no view (fixture failed_view_publish)', async () => {
    const home = { type: 'home' as const, blocks: [section('x')] };
    expect(await slackError(client.views.publish({ user_id: 'U0GHOST', view: home }))).toBe('invalid_arguments');
    expect(await slackError(client.views.publish({ user_id: 'U0ALICE', view: reasonModal() }))).toBe(
      'invalid_arguments',
    );
    const raw = await client.apiCall('views.publish', { user_id: 'U0ALICE' }).catch((e: unknown) => e);
    expect(raw).toMatchObject({
      data: {
        error: 'invalid_arguments',
        response_metadata: { messages: ['[ERROR] must provide an object [json-pointer:/view]'] },
      },
    });
  });

  it('allows 100 blocks on a Home tab and refuses 101', async () => {
    const blocks = (n: number) => Array.from({ length: n }, (_, index) => section(`line ${index}`));
    await client.views.publish({ user_id: 'U0CAROL', view: { type: 'home', blocks: blocks(100) } });
    expect(
      await slackError(client.views.publish({ user_id: 'U0CAROL', view: { type: 'home', blocks: blocks(101) } })),
    ).toBe('invalid_arguments');
  });
});
