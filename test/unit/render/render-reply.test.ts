import { describe, expect, it } from 'vitest';
import { ALL_PHASES, isTerminal } from '../../../src/core/phases.ts';
import type { HumanAction, Refusal, Reply, TerminalPhase } from '../../../src/core/types.ts';
import { renderReply, replySentence } from '../../../src/render/render-reply.ts';
import { EVERY_REFUSAL_CODE } from '../../support/core-fixtures.ts';
import { unsafeParts } from './assert-safe.ts';
import { SHA_B } from './render-fixtures.ts';

const ACTIONS: HumanAction[] = [
  'approve',
  'reject',
  'cancel',
  'rollback',
  'retry',
  'acknowledge',
  'confirm_production',
];
const TERMINAL = ALL_PHASES.filter(isTerminal) as TerminalPhase[];

/** Every refusal the core can return, with every phase it can carry. */
const REFUSALS: Refusal[] = [
  { code: 'unknown_rollout' },
  { code: 'not_named_approver' },
  { code: 'author_of_change' },
  { code: 'identity_unmapped' },
  { code: 'stale_card', currentSha: SHA_B },
  { code: 'stale_card', currentSha: null },
  ...TERMINAL.map((phase) => ({ code: 'already_decided', phase }) as const),
  { code: 'already_approved' },
  ...ALL_PHASES.map((phase) => ({ code: 'wrong_phase', phase }) as const),
  { code: 'production_started' },
  { code: 'nothing_to_retry' },
  { code: 'unknown_alert' },
  { code: 'already_acknowledged', by: 'UBOB' },
  { code: 'already_acknowledged', by: 'not a user' },
  { code: 'already_resolved', kind: 'rollback', by: 'UBOB' },
  { code: 'already_resolved', kind: 'confirmed', by: 'UCAROL' },
  { code: 'already_resolved', kind: 'confirmed', by: '<!channel>' },
];

const REPLIES: Reply[] = [
  ...ACTIONS.map((action) => ({ kind: 'accepted', action }) as const),
  ...REFUSALS.map((reason) => ({ kind: 'refused', reason }) as const),
];

describe('renderReply', () => {
  it.each(REPLIES.map((r) => [JSON.stringify(r), r] as const))('%s has a short, safe sentence', (_name, reply) => {
    const message = renderReply(reply, { eligible: ['UBOB', 'UCAROL'] });
    expect(message.text.length).toBeGreaterThan(20);
    expect(message.text.length).toBeLessThan(400);
    expect(message.text).toMatch(/[.!]$|\.$/);
    expect(unsafeParts(message, 'message', new Set(['UBOB', 'UCAROL']))).toEqual([]);
  });

  it('covers every refusal code of the core', () => {
    const codes = new Set(REFUSALS.map((r) => r.code));
    const all = EVERY_REFUSAL_CODE;
    expect([...codes].sort()).toEqual([...all].sort());
  });

  it('tells an author why their approval cannot count and whom to ask', () => {
    const reply: Reply = { kind: 'refused', reason: { code: 'author_of_change' } };
    expect(replySentence(reply, { eligible: ['UBOB'] })).toBe(
      "You wrote part of this change, so your approval can't count. Ask another approver: <@UBOB>.",
    );
    expect(replySentence(reply)).toContain('Ask another named approver.');
  });

  it('names the current commit of a stale card and never mentions a malformed id', () => {
    expect(replySentence({ kind: 'refused', reason: { code: 'stale_card', currentSha: SHA_B } })).toContain(
      '`bbbbbbb`',
    );
    const sentence = replySentence(
      { kind: 'refused', reason: { code: 'not_named_approver' } },
      { eligible: ['<!here>'] },
    );
    expect(sentence).not.toContain('<!');
  });

  it('gives different sentences to different refusals', () => {
    const sentences = new Set(
      [
        'unknown_rollout',
        'not_named_approver',
        'author_of_change',
        'identity_unmapped',
        'already_approved',
        'production_started',
        'nothing_to_retry',
      ].map((code) => replySentence({ kind: 'refused', reason: { code } as Refusal })),
    );
    expect(sentences.size).toBe(7);
  });
});
