import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { ALL_PHASES } from '../../../src/core/phases.ts';
import type { Phase, Rollout } from '../../../src/core/types.ts';
import { toCardView } from '../../../src/render/card-view.ts';
import { ACTION_ID, BLOCK_ID, parseButtonValue, RETRY_ACTION_ID_PATTERN } from '../../../src/render/ids.ts';
import { renderCard } from '../../../src/render/render-card.ts';
import { validateMessage } from '../../../src/render/validate-blocks.ts';
import { unsafeParts } from './assert-safe.ts';
import { POLICY, rolloutIn, SHA_A, SHA_B, stateOf, T0, withErroredGate } from './render-fixtures.ts';

const PEOPLE = new Set(POLICY.people.map((p) => p.slack));

function card(rollout: Rollout, at = T0 + 850_000) {
  return renderCard(toCardView(stateOf(rollout), rollout, POLICY, at));
}

function buttons(blocks: readonly KnownBlock[]): Button[] {
  const actions = blocks.find((b): b is ActionsBlock => b.type === 'actions');
  return (actions?.elements ?? []) as Button[];
}

function actionIds(rollout: Rollout): string[] {
  return buttons(card(rollout).blocks).map((b) => b.action_id ?? '');
}

const { approve, reject, cancel, rollback, confirmProduction } = ACTION_ID;

/** The rulebook of issue 3: which buttons each phase offers. */
const EXPECTED: Record<Phase, string[]> = {
  reviewing: [cancel],
  testing: [cancel],
  staging: [cancel],
  canary: [cancel],
  awaiting_approval: [approve, reject, cancel],
  time_locked: [cancel],
  deploying: [],
  verifying: [rollback],
  deployed: [],
  rejected: [],
  cancelled: [],
  superseded: [],
  rolled_back: [],
  // `rolloutIn('failed')` is a production deploy whose outcome is unknown: a human answers (issue #6).
  failed: [rollback, confirmProduction],
  expired: [],
};

describe('renderCard: buttons per phase', () => {
  it.each(ALL_PHASES)('%s offers exactly its buttons, and the card is valid and safe', (phase) => {
    const rollout = rolloutIn(phase);
    const message = card(rollout);
    expect(actionIds(rollout)).toEqual(EXPECTED[phase]);
    expect(message.text.length).toBeGreaterThan(0);
    expect(unsafeParts(message, 'message', PEOPLE)).toEqual([]);
  });

  it('offers Retry for a gate in error, carrying the gate in its value', () => {
    const rollout = withErroredGate('unit');
    const retry = buttons(card(rollout).blocks).find((b) => RETRY_ACTION_ID_PATTERN.test(b.action_id ?? ''));
    expect(retry?.text.text).toBe('Retry Unit tests');
    expect(parseButtonValue(retry?.value)).toEqual({ rolloutId: 'r1', sha: SHA_A, gateId: 'unit' });
  });

  it('offers no Roll back once a rollback is claimed', () => {
    const r = rolloutIn('verifying');
    const claimed = {
      ...r,
      deploys: { ...r.deploys, rollback: { ...r.deploys.production!, status: 'running' as const } },
    };
    expect(actionIds(claimed)).toEqual([]);
  });

  it('keeps buttons out when the ids cannot be carried, and says why', () => {
    const r = { ...rolloutIn('awaiting_approval'), id: 'bad id with spaces' };
    const message = card(r);
    expect(buttons(message.blocks)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('Some buttons cannot be shown');
  });
});

describe('renderCard: confirmations and styles', () => {
  const byId = (rollout: Rollout, id: string) => buttons(card(rollout).blocks).find((b) => b.action_id === id);

  it('asks to confirm Approve (primary), Cancel and Roll back (danger); Reject opens a modal instead', () => {
    const waiting = rolloutIn('awaiting_approval');
    const a = byId(waiting, approve);
    expect(a?.style).toBe('primary');
    expect(a?.confirm?.title?.text).toBe('Approve production deploy?');
    expect(a?.confirm?.text.text).toContain('acme/api #7 at aaaaaaa');
    const c = byId(waiting, cancel);
    expect(c?.confirm?.style).toBe('danger');
    expect(c?.confirm?.confirm?.text).toBe('Cancel rollout');
    const r = byId(waiting, reject);
    expect(r?.style).toBe('danger');
    expect(r?.confirm).toBeUndefined();
    const back = byId(rolloutIn('verifying'), rollback);
    expect(back?.style).toBe('danger');
    expect(back?.confirm?.style).toBe('danger');
  });

  it('puts the rollout and the SHA the card shows in every button value', () => {
    for (const b of buttons(card(rolloutIn('awaiting_approval')).blocks)) {
      expect(parseButtonValue(b.value)).toEqual({ rolloutId: 'r1', sha: SHA_A });
    }
  });
});

describe('renderCard: content', () => {
  const text = (rollout: Rollout, at?: number) => JSON.stringify(card(rollout, at).blocks);

  it('shows repo, PR, short SHA, author, each gate with status and duration', () => {
    const json = text(rolloutIn('awaiting_approval'));
    expect(json).toContain('Make it faster');
    expect(json).toContain('`aaaaaaa`');
    expect(json).toContain('alice');
    expect(json).toContain(':white_check_mark: passed *Static analysis* in 4 s');
    expect(json).toContain('*Unit tests* in 1 min 05 s — 128 tests passed');
  });

  it('labels the advisory review as unable to block or approve', () => {
    expect(text(rolloutIn('awaiting_approval'))).toContain('_(advisory — cannot block or approve)_');
  });

  it.each([
    ['a number', 42],
    ['a summary that is not a string', { summary: 7 }],
    ['an array', ['summary']],
    ['null', null],
    ['an inherited summary', Object.create({ summary: 'from the prototype' })],
  ])('reads advisory payload %s as unavailable', (_name, payload) => {
    const r: Rollout = { ...rolloutIn('testing'), advisory: { kind: 'advisory', payload } };
    expect(text(r)).toContain('advisory review unavailable');
  });

  it('leaves the advisory section out when the reviewer is off, and says "waiting" while it runs', () => {
    const off = { ...POLICY, advisoryReview: false };
    const r: Rollout = { ...rolloutIn('reviewing'), advisory: null };
    expect(JSON.stringify(renderCard(toCardView(stateOf(r), r, off, T0)).blocks)).not.toContain('Code review');
    expect(text(r)).toContain('_Waiting for the reviewer._');
  });

  it('shows named approvals, what is still needed, who can approve and when the request expires', () => {
    const json = text(rolloutIn('awaiting_approval'));
    expect(json).toContain('*Approvals* 1 of 2');
    expect(json).toContain('Approved by <@UBOB>');
    expect(json).toContain('Still needed: 1 more distinct approver');
    expect(json).toContain('Can approve: <@UCAROL>');
    expect(json).not.toContain('<@UAUTHOR>'); // the author is never eligible
    expect(json).toMatch(
      /request for approval expires <!date\^\d+\^\{date_short_pretty\} \{time\}\|2024-05-02 12:10 UTC>/,
    );
  });

  it('shows the time-lock deadline as a Slack date token with a UTC fallback', () => {
    const r = rolloutIn('time_locked');
    const json = text(r);
    expect(json).toContain('quorum reached');
    expect(json).toContain(
      `<!date^${(T0 + 800_000 + POLICY.timeLockMs) / 1000}^{date_short_pretty} {time}|2024-05-01 12:28 UTC>`,
    );
    expect(text(r, r.unlockAt! + 1)).toContain('*Time lock* ended');
  });

  it('shows the hold reason and the end reason', () => {
    const held: Rollout = {
      ...rolloutIn('time_locked'),
      hold: { code: 'window_closed', nextWindowAt: T0 + 86_400_000 },
    };
    expect(text(held)).toContain('Outside the deploy window. Production retries when it opens');
    expect(text(rolloutIn('rejected'))).toContain('Rejected by <@UCAROL>: “Needs a migration first”');
    expect(text(rolloutIn('failed'))).toContain('never re-run automatically');
  });

  it('a superseded card says so, names the new rollout and is inert', () => {
    const message = card(rolloutIn('superseded'));
    const json = JSON.stringify(message.blocks);
    expect(json).toContain('*This card is superseded* by rollout `r2` for `bbbbbbb`');
    expect(buttons(message.blocks)).toEqual([]);
    expect(message.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(json).not.toContain('Still needed');
    expect(message.blocks.at(-1)).toMatchObject({ block_id: BLOCK_ID.notice });
    expect(SHA_B.startsWith('bbbbbbb')).toBe(true);
  });

  it('shows a freeze on an active rollout', () => {
    const r = rolloutIn('canary');
    const state = { ...stateOf(r), freeze: { reason: 'release week', by: 'UDAVE', at: T0 } };
    const json = JSON.stringify(renderCard(toCardView(state, r, POLICY, T0)).blocks);
    expect(json).toContain(':snowflake: *Deploys are frozen* by <@UDAVE>');
  });

  it('always sets the fallback text and stays within every limit', () => {
    for (const phase of ALL_PHASES) {
      const message = card(rolloutIn(phase));
      expect(message.text).toMatch(/^shiplock: acme\/api #7 Make it faster — /);
      expect(validateMessage(message, 'message')).toEqual([]);
    }
  });
});

describe('sandbox: none', () => {
  it('every card says the gates ran unsandboxed, and only then', () => {
    for (const phase of ALL_PHASES) {
      const rollout = rolloutIn(phase);
      const warned = renderCard(toCardView(stateOf(rollout), rollout, POLICY, T0, { unsandboxed: true }));
      expect(warned.blocks.some((b) => b.block_id === BLOCK_ID.sandbox)).toBe(true);
      expect(JSON.stringify(warned.blocks)).toContain('sandbox: none');
      expect(card(rollout).blocks.some((b) => b.block_id === BLOCK_ID.sandbox)).toBe(false);
    }
  });
});

describe('a superseded card links to the new card', () => {
  const superseded: Rollout = {
    ...rolloutIn('superseded'),
    ended: { at: T0, reason: { code: 'superseded_by', rolloutId: 'r2', sha: SHA_B } },
  };
  const linkOf = (url: string) => {
    const blocks = renderCard(toCardView(stateOf(superseded), superseded, POLICY, T0, { newCardUrl: url })).blocks;
    return buttons(blocks).find((b) => b.action_id === ACTION_ID.openNewCard)?.url ?? null;
  };

  it('with a Slack permalink (or the loopback stand-in), as a link button', () => {
    const permalink = 'https://acme.slack.com/archives/C0DEPLOYS/p1732363200000100';
    expect(linkOf(permalink)).toBe(permalink);
    expect(linkOf('http://127.0.0.1:4000/archives/C1/p1')).toBe('http://127.0.0.1:4000/archives/C1/p1');
  });

  it.each([
    'javascript:alert(1)',
    'http://evil.example/archives/C1/p1',
    'https://acme.slack.com/a b',
    'https://acme.slack.com/<!channel>',
    'https://acme.slack.com/x|y',
    `https://acme.slack.com/${'a'.repeat(2100)}`,
  ])('never with anything else: %s', (url) => {
    expect(linkOf(url)).toBeNull();
  });

  it('only on a superseded card', () => {
    const active = rolloutIn('awaiting_approval');
    const blocks = renderCard(
      toCardView(stateOf(active), active, POLICY, T0, { newCardUrl: 'https://a.slack.com/x' }),
    ).blocks;
    expect(JSON.stringify(blocks)).not.toContain(ACTION_ID.openNewCard);
  });
});
