import { describe, expect, it } from 'vitest';
import { formatViolation, SLACK_LIMITS, validateMessage } from '../../../src/render/validate-blocks.ts';

const pt = (text: string) => ({ type: 'plain_text', text });
const md = (text: string) => ({ type: 'mrkdwn', text });
const x = (n: number) => 'x'.repeat(n);
const button = (extra: Record<string, unknown> = {}) => ({ type: 'button', text: pt('Go'), action_id: 'a', ...extra });
const message = (...blocks: unknown[]) => ({ text: 'fallback', blocks });

/** Each row: a payload that breaks exactly one limit, and the path of the violation. */
const BROKEN: [string, unknown, 'message' | 'modal' | 'home', string][] = [
  ['51 blocks in a message', message(...Array.from({ length: 51 }, () => ({ type: 'divider' }))), 'message', 'blocks'],
  [
    '101 blocks in a modal',
    { title: pt('T'), blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) },
    'modal',
    'blocks',
  ],
  [
    '101 blocks in the Home tab',
    { blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) },
    'home',
    'blocks',
  ],
  ['a block_id of 256', message({ type: 'divider', block_id: x(256) }), 'message', 'blocks[0].block_id'],
  [
    'a duplicate block_id',
    message({ type: 'divider', block_id: 'a' }, { type: 'divider', block_id: 'a' }),
    'message',
    'blocks[1].block_id',
  ],
  ['section text of 3,001', message({ type: 'section', text: md(x(3001)) }), 'message', 'blocks[0].text.text'],
  ['empty section text', message({ type: 'section', text: md('') }), 'message', 'blocks[0].text.text'],
  ['a section with neither text nor fields', message({ type: 'section' }), 'message', 'blocks[0]'],
  [
    '11 fields',
    message({ type: 'section', fields: Array.from({ length: 11 }, () => md('f')) }),
    'message',
    'blocks[0].fields',
  ],
  ['a field of 2,001', message({ type: 'section', fields: [md(x(2001))] }), 'message', 'blocks[0].fields[0].text'],
  ['a header of 151', message({ type: 'header', text: pt(x(151)) }), 'message', 'blocks[0].text.text'],
  ['a mrkdwn header', message({ type: 'header', text: md('h') }), 'message', 'blocks[0].text'],
  [
    '11 context elements',
    message({ type: 'context', elements: Array.from({ length: 11 }, () => md('c')) }),
    'message',
    'blocks[0].elements',
  ],
  [
    '26 actions',
    message({ type: 'actions', elements: Array.from({ length: 26 }, (_, i) => button({ action_id: `a${i}` })) }),
    'message',
    'blocks[0].elements',
  ],
  [
    'duplicate action ids in a block',
    message({ type: 'actions', elements: [button(), button()] }),
    'message',
    'blocks[0].elements[1].action_id',
  ],
  [
    'an action_id of 256',
    message({ type: 'actions', elements: [button({ action_id: x(256) })] }),
    'message',
    'blocks[0].elements[0].action_id',
  ],
  [
    'button text of 76',
    message({ type: 'actions', elements: [button({ text: pt(x(76)) })] }),
    'message',
    'blocks[0].elements[0].text.text',
  ],
  [
    'a button value of 2,001',
    message({ type: 'actions', elements: [button({ value: x(2001) })] }),
    'message',
    'blocks[0].elements[0].value',
  ],
  [
    'a button url of 3,001',
    message({ type: 'actions', elements: [button({ url: x(3001) })] }),
    'message',
    'blocks[0].elements[0].url',
  ],
  [
    'a confirm title of 101',
    message({ type: 'actions', elements: [button({ confirm: { title: pt(x(101)), text: pt('t') } })] }),
    'message',
    'blocks[0].elements[0].confirm.title.text',
  ],
  [
    'a confirm text of 301',
    message({ type: 'actions', elements: [button({ confirm: { text: pt(x(301)) } })] }),
    'message',
    'blocks[0].elements[0].confirm.text.text',
  ],
  [
    'a confirm button of 31',
    message({ type: 'actions', elements: [button({ confirm: { text: pt('t'), confirm: pt(x(31)) } })] }),
    'message',
    'blocks[0].elements[0].confirm.confirm.text',
  ],
  [
    'a deny button of 31',
    message({ type: 'actions', elements: [button({ confirm: { text: pt('t'), deny: pt(x(31)) } })] }),
    'message',
    'blocks[0].elements[0].confirm.deny.text',
  ],
  [
    'an accessory button of 76',
    message({ type: 'section', text: md('s'), accessory: button({ text: pt(x(76)) }) }),
    'message',
    'blocks[0].accessory.text.text',
  ],
  ['a modal title of 25', { title: pt(x(25)), blocks: [] }, 'modal', 'title.text'],
  ['a modal submit of 25', { title: pt('T'), submit: pt(x(25)), blocks: [] }, 'modal', 'submit.text'],
  ['a modal close of 25', { title: pt('T'), close: pt(x(25)), blocks: [] }, 'modal', 'close.text'],
  ['a modal without a title', { blocks: [] }, 'modal', 'title'],
  ['private_metadata of 3,001', { title: pt('T'), private_metadata: x(3001), blocks: [] }, 'modal', 'private_metadata'],
  ['a callback_id of 256', { callback_id: x(256), blocks: [] }, 'home', 'callback_id'],
  [
    'blocks JSON over 13,000',
    message(...Array.from({ length: 5 }, () => ({ type: 'section', text: md(x(2900)) }))),
    'message',
    'blocks',
  ],
  ['text over 40,000', { text: x(40_001), blocks: [] }, 'message', 'text'],
  ['no fallback text', { blocks: [] }, 'message', 'text'],
  [
    'an input label of 2,001',
    { title: pt('T'), blocks: [{ type: 'input', label: pt(x(2001)), element: { type: 'plain_text_input' } }] },
    'modal',
    'blocks[0].label.text',
  ],
  [
    'a placeholder of 151',
    {
      title: pt('T'),
      blocks: [{ type: 'input', label: pt('L'), element: { type: 'plain_text_input', placeholder: pt(x(151)) } }],
    },
    'modal',
    'blocks[0].element.placeholder.text',
  ],
  [
    'a max_length of 3,001',
    {
      title: pt('T'),
      blocks: [{ type: 'input', label: pt('L'), element: { type: 'plain_text_input', max_length: 3001 } }],
    },
    'modal',
    'blocks[0].element.max_length',
  ],
];

describe('validateMessage', () => {
  it.each(BROKEN)('finds %s', (_name, payload, surface, path) => {
    const violations = validateMessage(payload, surface);
    expect(violations.map((v) => v.path)).toContain(path);
  });

  it('accepts every limit exactly at its maximum', () => {
    const atLimits = message(
      { type: 'header', block_id: x(255), text: pt(x(SLACK_LIMITS.headerText)) },
      { type: 'section', text: md(x(3000)) },
      { type: 'section', fields: Array.from({ length: 10 }, () => md(x(200))) },
      { type: 'context', elements: Array.from({ length: 10 }, () => md('c')) },
      {
        type: 'actions',
        elements: [
          button({
            text: pt(x(75)),
            value: x(2000),
            confirm: { title: pt(x(100)), text: pt(x(300)), confirm: pt(x(30)), deny: pt(x(30)) },
          }),
        ],
      },
    );
    expect(validateMessage(atLimits, 'message')).toEqual([]);
  });

  it('formats a violation as one readable line', () => {
    const [v] = validateMessage(message({ type: 'header', text: pt(x(151)) }), 'message');
    expect(formatViolation(v!)).toBe('blocks[0].text.text: max_length 150, got 151');
  });

  it('never throws, whatever it is given', () => {
    const cyclic: Record<string, unknown> = { type: 'section' };
    cyclic.self = cyclic;
    for (const junk of [
      null,
      42,
      'x',
      [],
      { blocks: 'no' },
      { text: 't', blocks: [null, 1, { type: 7 }] },
      { text: 't', blocks: [cyclic] },
    ]) {
      expect(() => validateMessage(junk, 'message')).not.toThrow();
      expect(validateMessage(junk, 'message').length).toBeGreaterThan(0);
    }
  });
});
