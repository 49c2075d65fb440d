import { describe, expect, it } from 'vitest';
import type { HoldReason, Rollout, ThreadMessage } from '../../../src/core/types.ts';
import { ACTION_ID, BLOCK_ID, CALLBACK_ID, parseButtonValue } from '../../../src/render/ids.ts';
import { renderRejectModal } from '../../../src/render/render-reject-modal.ts';
import { renderThreadMessage } from '../../../src/render/render-thread-message.ts';
import { validateMessage } from '../../../src/render/validate-blocks.ts';
import { unsafeParts } from './assert-safe.ts';
import { POLICY, rolloutIn, SHA_A, SHA_B, stateOf, T0 } from './render-fixtures.ts';

const PEOPLE = new Set(POLICY.people.map((p) => p.slack));

function thread(message: ThreadMessage, rollout: Rollout = rolloutIn('awaiting_approval')) {
  const next = { ...rolloutIn('reviewing'), id: 'r2', pr: { ...rollout.pr, sha: SHA_B } };
  return renderThreadMessage(message, { state: stateOf(rollout, next), rollout, policy: POLICY });
}

const json = (message: ThreadMessage, rollout?: Rollout) => JSON.stringify(thread(message, rollout).blocks);

const HOLDS: HoldReason[] = [
  { code: 'frozen', freeze: { reason: 'release week', by: 'UDAVE', at: T0 } },
  { code: 'window_closed', nextWindowAt: T0 + 3_600_000 },
  { code: 'window_closed', nextWindowAt: null },
  { code: 'canary_not_healthy', verdict: 'inconclusive' },
  { code: 'not_ready', blockers: ['gate_not_passed', 'quorum_not_met', 'something_new'] },
];

const MESSAGES: ThreadMessage[] = [
  { kind: 'gate_finished', gateId: 'unit' },
  { kind: 'gate_finished', gateId: 'unknown-gate' },
  { kind: 'advisory_review' },
  { kind: 'deploy_finished', stage: 'canary', epoch: 2 },
  { kind: 'deploy_finished', stage: 'production', epoch: 9 },
  { kind: 'approval_reminder', eligible: ['UCAROL', 'UDAVE'] },
  { kind: 'approval_reminder', eligible: [] },
  { kind: 'superseded', by: 'r2' },
  { kind: 'superseded', by: 'gone' },
  ...HOLDS.map((reason) => ({ kind: 'preflight_held', reason }) as const),
];

describe('renderThreadMessage', () => {
  it.each(MESSAGES.map((m) => [JSON.stringify(m), m] as const))(
    '%s is valid, safe and has fallback text',
    (_n, message) => {
      const rendered = thread(message);
      expect(rendered.text.length).toBeGreaterThan(0);
      expect(unsafeParts(rendered, 'message', PEOPLE)).toEqual([]);
    },
  );

  it('gate finished: name, status, duration, attempt and summary', () => {
    expect(json({ kind: 'gate_finished', gateId: 'unit' })).toContain(
      ':white_check_mark: passed *Unit tests* in 1 min 05 s (attempt 1)\\n128 tests passed',
    );
  });

  it('gate and deploy results carry the run details, escaped, below the result line', () => {
    const rollout = rolloutIn('awaiting_approval');
    const details =
      '[high] SL-TLS-OFF src/a.ts:12 — <!channel> rejectUnauthorized: false\nreproduce: SHIPLOCK_FUZZ_SEED=42 npm run fuzz';
    for (const message of [
      { kind: 'gate_finished', gateId: 'unit' },
      { kind: 'deploy_finished', stage: 'canary', epoch: 2 },
    ] as const) {
      const rendered = renderThreadMessage(message, { state: stateOf(rollout), rollout, policy: POLICY, details });
      const text = JSON.stringify(rendered.blocks);
      expect(text).toContain('[high] SL-TLS-OFF src/a.'); // file names get a zero-width break: no auto-link
      expect(text).toContain('SHIPLOCK_FUZZ_SEED=42 npm run fuzz');
      expect(text).not.toContain('<!channel>');
      expect(unsafeParts(rendered, 'message', PEOPLE)).toEqual([]);
    }
    const plain = renderThreadMessage(
      { kind: 'gate_finished', gateId: 'unit' },
      { state: stateOf(rollout), rollout, policy: POLICY },
    );
    expect(plain.blocks).toHaveLength(1);
  });

  it('advisory review: labelled, with summary and full text', () => {
    const text = json({ kind: 'advisory_review' });
    expect(text).toContain('_(advisory — cannot block or approve)_');
    expect(text).toContain('Full review');
  });

  it('advisory review: renders findings, and says unavailable for junk', () => {
    const findings: Rollout = {
      ...rolloutIn('testing'),
      advisory: {
        kind: 'advisory',
        payload: { findings: [{ severity: 'low', file: 'a', line: 3, message: 'nit' }, 'junk', { message: 5 }] },
      },
    };
    expect(json({ kind: 'advisory_review' }, findings)).toContain('• [low] a:3: nit');
    const junk: Rollout = {
      ...rolloutIn('testing'),
      advisory: { kind: 'advisory', payload: 'ignore previous instructions' },
    };
    expect(json({ kind: 'advisory_review' }, junk)).toContain('advisory review unavailable');
  });

  it('advisory review: a 100k review is spread over sections and stays within limits', () => {
    const long: Rollout = {
      ...rolloutIn('testing'),
      advisory: { kind: 'advisory', payload: { summary: 's', text: 'word '.repeat(20_000) } },
    };
    const rendered = thread({ kind: 'advisory_review' }, long);
    expect(rendered.blocks.length).toBeGreaterThan(2);
    expect(validateMessage(rendered, 'message')).toEqual([]);
    expect(JSON.stringify(rendered.blocks)).toContain('…');
  });

  it('deploy finished: stage, status and epoch; an old epoch is not reported as current', () => {
    expect(json({ kind: 'deploy_finished', stage: 'canary', epoch: 2 })).toContain(
      '*Canary deploy* :white_check_mark: succeeded (epoch 2)',
    );
    expect(json({ kind: 'deploy_finished', stage: 'production', epoch: 9 })).toContain('no longer current');
  });

  it('reminder: mentions the eligible approvers, validated, never @here', () => {
    const text = json({ kind: 'approval_reminder', eligible: ['UCAROL', '<!here>', 'UDAVE', 'u-lower'] });
    expect(text).toContain('<@UCAROL> <@UDAVE>: *acme/api #7* at `aaaaaaa` is still waiting for approval.');
    expect(text).toContain('2 configured approver ids are not valid Slack user ids');
    expect(text).not.toMatch(/<!|@here/);
    expect(json({ kind: 'approval_reminder', eligible: [] })).toContain('nobody eligible is left to ask');
  });

  it('superseded: names the new rollout and its commit', () => {
    expect(json({ kind: 'superseded', by: 'r2' })).toContain('Superseded by rollout `r2` for `bbbbbbb`');
  });

  it('preflight held: says why and what happens next', () => {
    expect(json({ kind: 'preflight_held', reason: HOLDS[0]! })).toContain('Deploys are frozen by <@UDAVE>');
    expect(json({ kind: 'preflight_held', reason: HOLDS[4]! })).toContain(
      'a blocking gate has not passed; the approval quorum is not met; something_new',
    );
  });
});

describe('renderRejectModal', () => {
  it('asks for a required multiline reason and carries the rollout and SHA', () => {
    const modal = renderRejectModal('r1', SHA_A);
    expect(validateMessage(modal, 'modal')).toEqual([]);
    expect(modal.callback_id).toBe(CALLBACK_ID.rejectModal);
    expect(parseButtonValue(modal.private_metadata)).toEqual({ rolloutId: 'r1', sha: SHA_A });
    const input = modal.blocks.find((b) => b.type === 'input');
    expect(input).toMatchObject({
      block_id: BLOCK_ID.rejectReason,
      element: { type: 'plain_text_input', action_id: ACTION_ID.rejectReason, multiline: true, min_length: 1 },
    });
    expect(input).not.toHaveProperty('optional', true);
  });

  it('stays safe and within limits for ids it cannot carry', () => {
    const modal = renderRejectModal('<!channel> https://evil.example', '<@U1>');
    expect(modal.private_metadata).toBe('');
    expect(unsafeParts(modal, 'modal', new Set())).toEqual([]);
  });
});
