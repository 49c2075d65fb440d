import type { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateMessage } from '../../../src/render/validate-blocks.ts';
import {
  type BlockSurface,
  checkBlockLimits,
  createSlackStandIn,
  type SlackStandIn,
} from '../../../src/sandbox/slack/index.ts';
import { createClient } from './create-client.ts';
import { actions, approvalCard, button, header, reasonModal, section } from './sample-blocks.ts';

/** Block Kit hard limits: the built-in check, and an injected validator (shiplock's own). */
const many = (n: number) => Array.from({ length: n }, (_, index) => section(`line ${index}`));
const withButton = (patch: Record<string, unknown>) => [actions('a', { ...button('go', 'Go', 'v'), ...patch })];

describe('checkBlockLimits, rule by rule', () => {
  it.each<[string, unknown[], string]>([
    ['fail by 51 blocks in a message', many(51), 'must be less than 51 items [json-pointer:/blocks]'],
    [
      'fail by section text of 3,001',
      [section('x'.repeat(3001))],
      'must be less than 3001 characters [json-pointer:/blocks/0/text/text]',
    ],
    [
      'fail by header of 151',
      [header('x'.repeat(151))],
      'must be less than 151 characters [json-pointer:/blocks/0/text/text]',
    ],
    [
      'fail by mrkdwn header',
      [{ type: 'header', text: { type: 'mrkdwn', text: 'h' } }],
      'must be one of plain_text [json-pointer:/blocks/0/text/type]',
    ],
    [
      'fail by button text of 76',
      withButton({ text: { type: 'plain_text', text: 'x'.repeat(76) } }),
      'must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]',
    ],
    [
      'fail by button value of 2,001',
      withButton({ value: 'x'.repeat(2001) }),
      'must be less than 2001 characters [json-pointer:/blocks/0/elements/0/value]',
    ],
    [
      'fail by action_id of 256',
      withButton({ action_id: 'x'.repeat(256) }),
      'must be less than 256 characters [json-pointer:/blocks/0/elements/0/action_id]',
    ],
    [
      'fail by block_id of 256',
      [section('x', 'b'.repeat(256))],
      'must be less than 256 characters [json-pointer:/blocks/0/block_id]',
    ],
    [
      'fail by 11 section fields',
      [{ type: 'section', fields: many(11).map((block) => block.text) }],
      'must be less than 11 items [json-pointer:/blocks/0/fields]',
    ],
    [
      'fail by 26 buttons',
      [actions('a', ...Array.from({ length: 26 }, (_, i) => button(`b${i}`, 'B')))],
      'must be less than 26 items [json-pointer:/blocks/0/elements]',
    ],
    [
      'fail by confirm text of 301',
      withButton({
        confirm: {
          title: { type: 'plain_text', text: 'Sure?' },
          text: { type: 'mrkdwn', text: 'x'.repeat(301) },
          confirm: { type: 'plain_text', text: 'Yes' },
          deny: { type: 'plain_text', text: 'No' },
        },
      }),
      'must be less than 301 characters [json-pointer:/blocks/0/elements/0/confirm/text/text]',
    ],
    [
      'fail by duplicate block_id',
      [section('a', 'same'), section('b', 'same')],
      'duplicate block_id [json-pointer:/blocks/1/block_id]',
    ],
    [
      'fail by duplicate action_id',
      [actions('a', button('go', 'A'), button('go', 'B'))],
      'duplicate action_id [json-pointer:/blocks/0/elements/1/action_id]',
    ],
    [
      'fail by unknown block type',
      [{ type: 'secton', text: { type: 'mrkdwn', text: 'x' } }],
      'unsupported type: secton [json-pointer:/blocks/0/type]',
    ],
    [
      'fail by empty button text',
      withButton({ text: { type: 'plain_text', text: '' } }),
      'must be more than 0 characters [json-pointer:/blocks/0/elements/0/text/text]',
    ],
  ])('%s', (_rule, blocks, problem) => {
    expect(checkBlockLimits(blocks, 'message')).toContain(problem);
  });

  it('passes a card at the limits', () => {
    const atLimits = [
      header('x'.repeat(150)),
      section('x'.repeat(3000)),
      ...withButton({
        text: { type: 'plain_text', text: 'x'.repeat(75) },
        value: 'v'.repeat(2000),
        action_id: 'a'.repeat(255),
      }),
    ];
    expect(checkBlockLimits(atLimits, 'message')).toEqual([]);
    expect(checkBlockLimits(many(50), 'message')).toEqual([]);
    expect(checkBlockLimits(many(100), 'modal')).toEqual([]);
    expect(checkBlockLimits(many(101), 'home')).toEqual(['must be less than 101 items [json-pointer:/blocks]']);
  });
});

describe('the Web API refuses broken Block Kit', () => {
  const seen: [string, BlockSurface][] = [];
  let slack: SlackStandIn;
  let client: WebClient;

  beforeAll(async () => {
    slack = await createSlackStandIn({
      validate: (input, surface) => {
        seen.push([JSON.stringify(input.blocks).slice(0, 40), surface]);
        return JSON.stringify(input.blocks).includes('<!channel>') ? ['mention <!channel> in rendered text'] : [];
      },
    });
    client = createClient(slack);
  });
  afterAll(() => slack.close());

  it('answers invalid_blocks with Slack-style [ERROR] details', async () => {
    const error = await client.chat
      .postMessage({ channel: 'C0DEPLOYS', text: 't', blocks: many(51) })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      data: {
        error: 'invalid_blocks',
        response_metadata: { messages: ['[ERROR] must be less than 51 items [json-pointer:/blocks]'] },
      },
    });
    expect(slack.messages('C0DEPLOYS')).toHaveLength(0);
  });

  it('answers msg_blocks_too_long past 13,000 characters of blocks JSON', async () => {
    const blocks = Array.from({ length: 5 }, () => section('x'.repeat(2900)));
    const error = await client.chat.postMessage({ channel: 'C0DEPLOYS', text: 't', blocks }).catch((e: unknown) => e);
    expect(error).toMatchObject({ data: { ok: false, error: 'msg_blocks_too_long' } });
  });

  it('checks chat.update and chat.postEphemeral too', async () => {
    const posted = await client.chat.postMessage({ channel: 'C0DEPLOYS', text: 'card', blocks: approvalCard() });
    const update = await client.chat
      .update({ channel: 'C0DEPLOYS', ts: posted.ts ?? '', text: 't', blocks: [header('x'.repeat(151))] })
      .catch((e: unknown) => e);
    expect(update).toMatchObject({ data: { error: 'invalid_blocks' } });
    const ephemeral = await client.chat
      .postEphemeral({
        channel: 'C0DEPLOYS',
        user: 'U0ALICE',
        text: 't',
        blocks: withButton({ value: 'x'.repeat(2001) }),
      })
      .catch((e: unknown) => e);
    expect(ephemeral).toMatchObject({ data: { error: 'invalid_blocks' } });
  });

  it('runs the injected validator on every surface and refuses what it reports', async () => {
    const error = await client.chat
      .postMessage({ channel: 'C0DEPLOYS', text: 't', blocks: [section('hey <!channel>')] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      data: {
        error: 'invalid_blocks',
        response_metadata: { messages: ['[ERROR] mention <!channel> in rendered text'] },
      },
    });
    await client.views.open({ trigger_id: slack.issueTriggerId('U0ALICE'), view: reasonModal() });
    await client.views.publish({ user_id: 'U0ALICE', view: { type: 'home', blocks: [section('home')] } });
    expect(new Set(seen.map(([, surface]) => surface))).toEqual(new Set(['message', 'modal', 'home']));
  });
});

describe("shiplock's own validator, injected as it is", () => {
  let slack: SlackStandIn;
  let client: WebClient;

  beforeAll(async () => {
    slack = await createSlackStandIn({ validate: validateMessage });
    client = createClient(slack);
  });
  afterAll(() => slack.close());

  it('passes what it passes and refuses what it refuses, with its own words', async () => {
    await expect(
      client.chat.postMessage({ channel: 'C0DEPLOYS', text: 'card', blocks: approvalCard() }),
    ).resolves.toMatchObject({
      ok: true,
    });
    await expect(
      client.views.open({ trigger_id: slack.issueTriggerId('U0ALICE'), view: reasonModal() }),
    ).resolves.toMatchObject({
      ok: true,
    });
    // No fallback text: Slack would accept it, shiplock's rule (always send `text`) refuses it.
    const error = await client.chat
      .postMessage({ channel: 'C0DEPLOYS', blocks: approvalCard() })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      data: { error: 'invalid_blocks', response_metadata: { messages: ['[ERROR] text: required 1, got 0'] } },
    });
  });
});
