/**
 * What people see when a production deploy's outcome is unknown after a restart (issue #6): the
 * card says production may or may not run the change and what to check, and offers Roll back and
 * Production is fine, each behind a confirmation; once a human answered, it says who and how, and
 * the buttons are gone.
 */
import type { Button } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { DeployState, OutcomeResolution, PullRequestState, Rollout } from '../../../src/core/types.ts';
import { toCardView } from '../../../src/render/card-view.ts';
import { ACTION_ID, BLOCK_ID } from '../../../src/render/ids.ts';
import { renderCard } from '../../../src/render/render-card.ts';
import { renderReply } from '../../../src/render/render-reply.ts';
import { renderRollbackFailedAlert } from '../../../src/render/render-rollback-failed-alert.ts';
import { renderStatus } from '../../../src/render/render-status.ts';
import { renderThreadMessage } from '../../../src/render/render-thread-message.ts';
import { validateMessage } from '../../../src/render/validate-blocks.ts';
import { textOf } from '../../support/text-of.ts';
import { POLICY, rolloutIn, stateOf, T0 } from './render-fixtures.ts';

/** `rolloutIn('failed')`: production claimed (epoch 3), its outcome unknown. */
const unknown: Rollout = rolloutIn('failed');

function claim(status: DeployState['status']): DeployState {
  return { status, epoch: 4, claimedAt: T0 + 1000, finishedAt: null, summary: status === 'failed' ? 'exit 3' : '' };
}

function answered(kind: 'rollback' | 'confirmed', status: DeployState['status'] = 'claimed'): PullRequestState {
  const resolution: OutcomeResolution = {
    rolloutId: unknown.id,
    kind,
    by: 'UBOB',
    at: T0 + 1000,
    rollback: kind === 'rollback' ? claim(status) : null,
  };
  return { ...stateOf(unknown), resolutions: [resolution] };
}

function card(state: PullRequestState, rollout: Rollout = unknown) {
  const message = renderCard(toCardView(state, rollout, POLICY, T0 + 2000));
  expect(validateMessage(message, 'message')).toEqual([]);
  return message;
}

function buttons(message: ReturnType<typeof card>): Button[] {
  const actions = message.blocks.find((b) => b.type === 'actions');
  return actions?.type === 'actions' ? (actions.elements as Button[]) : [];
}

describe('the card of a production deploy whose outcome is unknown', () => {
  it('says production may or may not run it, what to check, and offers the two answers', () => {
    const message = card(stateOf(unknown));
    const text = textOf(message);
    expect(text).toContain('Production may or may not have been deployed.');
    expect(text).toContain('never reported');
    expect(text).toContain('does it run `aaaaaaa`?');
    expect(text).toContain('`shiplock logs` `r1`');
    expect(text).toContain('the first answer counts');
    const [rollBack, fine, ...rest] = buttons(message);
    expect(rest).toEqual([]);
    expect(rollBack?.action_id).toBe(ACTION_ID.rollback);
    expect(rollBack?.style).toBe('danger');
    expect(rollBack?.confirm?.text.text).toBe(`This runs the rollback script for acme/api #7 at aaaaaaa now.`);
    expect(fine?.action_id).toBe(ACTION_ID.confirmProduction);
    expect(fine?.text.text).toBe('Production is fine');
    expect(fine?.confirm?.text.text).toMatch(/^Only confirm after checking production yourself\./);
    expect(fine?.value).toBe(rollBack?.value);
  });

  it('after Production is fine: who confirmed and when, no buttons, no freeze', () => {
    const message = card(answered('confirmed'));
    const text = textOf(message);
    expect(text).toContain('Production checked by hand:* <@UBOB> confirmed <!date^');
    expect(text).toContain('Nothing was deployed or rolled back.');
    expect(text).not.toContain('Production may or may not');
    expect(buttons(message)).toEqual([]);
    expect(text).toContain('Final state: this card takes no more actions.');
    expect(text).not.toContain('are now frozen');
  });

  it.each([
    ['claimed', 'is about to run', false],
    ['running', 'is running', false],
    ['succeeded', 'succeeded', true],
    ['failed', 'failed — production may be broken', true],
    ['unknown', 'never reported — production may be broken', true],
  ] as const)('after Roll back, the rollback %s: the card says so%s', (status, words, frozen) => {
    const message = card(answered('rollback', status));
    const text = textOf(message);
    expect(text).toContain(`Roll back chosen* by <@UBOB> <!date^`);
    expect(text).toContain(`the rollback script ${words}.`);
    expect(buttons(message)).toEqual([]);
    expect(text.includes('are now frozen')).toBe(frozen);
    const blocks = JSON.stringify(message.blocks);
    expect(blocks).toContain(BLOCK_ID.unknownOutcome);
  });

  it.each(['staging', 'canary'] as const)(
    'a %s deploy found unknown: production untouched, what to check, no buttons',
    (stage) => {
      const early: Rollout = { ...unknown, ended: { at: T0, reason: { code: 'deploy_outcome_unknown', stage } } };
      const message = card(stateOf(early), early);
      const text = textOf(message);
      expect(text).toContain(`The ${stage} deploy of \`aaaaaaa\` started`);
      expect(text).toContain('Production was not touched.');
      expect(text).toContain(`Check the ${stage} environment:`);
      expect(buttons(message)).toEqual([]);
    },
  );

  it('a rollback that never reported shows the failed-rollback notice, not the unknown-production one', () => {
    const r: Rollout = { ...unknown, ended: { at: T0, reason: { code: 'deploy_outcome_unknown', stage: 'rollback' } } };
    const text = textOf(card(stateOf(r), r));
    expect(text).toContain('are now frozen');
    expect(text).not.toContain('Production may or may not');
  });
});

describe('the thread, the replies and the alert', () => {
  it('the thread says who answered and how', () => {
    const ctx = (state: PullRequestState) => ({ state, rollout: unknown, policy: POLICY });
    expect(textOf(renderThreadMessage({ kind: 'outcome_resolved' }, ctx(answered('rollback'))))).toContain(
      '<@UBOB> chose *Roll back*',
    );
    expect(textOf(renderThreadMessage({ kind: 'outcome_resolved' }, ctx(answered('rollback'))))).toContain('epoch 4');
    expect(textOf(renderThreadMessage({ kind: 'outcome_resolved' }, ctx(answered('confirmed'))))).toContain(
      '<@UBOB> checked production and confirmed',
    );
    expect(textOf(renderThreadMessage({ kind: 'outcome_resolved' }, ctx(stateOf(unknown))))).toContain(
      'No answer is recorded.',
    );
    const frozen = textOf(renderThreadMessage({ kind: 'repository_frozen' }, ctx(answered('rollback', 'succeeded'))));
    expect(frozen).not.toContain('did not succeed');
    const broken = textOf(renderThreadMessage({ kind: 'repository_frozen' }, ctx(answered('rollback', 'failed'))));
    expect(broken).toContain('did not succeed');
    const result = textOf(
      renderThreadMessage(
        { kind: 'deploy_finished', stage: 'rollback', epoch: 4 },
        ctx(answered('rollback', 'failed')),
      ),
    );
    expect(result).toContain('exit 3');
  });

  it('replies: the accepted confirmation, and who answered first', () => {
    expect(renderReply({ kind: 'accepted', action: 'confirm_production' }).text).toContain('you checked production');
    const refused = renderReply({
      kind: 'refused',
      reason: { code: 'already_resolved', kind: 'rollback', by: 'UBOB' },
    });
    expect(refused.text).toContain('<@UBOB> already chose *Roll back*');
    const confirmed = renderReply({
      kind: 'refused',
      reason: { code: 'already_resolved', kind: 'confirmed', by: 'UBOB' },
    });
    expect(confirmed.text).toContain('<@UBOB> already checked production');
  });

  it.each([
    ['failed', 'Rollback failed', 'the rollback failed'],
    ['unknown', 'Rollback never reported', 'the rollback never reported'],
  ] as const)('the alerts channel: the chosen rollback %s', (status, headline, why) => {
    const resolution = answered('rollback', status).resolutions?.[0] ?? null;
    const message = renderRollbackFailedAlert({ rollout: unknown, resolution });
    const text = textOf(message);
    expect(text).toContain(`${headline}: production of acme/api #7 may be broken.`);
    expect(text).toContain(`<@UBOB> chose Roll back, and ${why}.`);
    expect(validateMessage(message, 'message')).toEqual([]);
  });
});

describe('/shiplock status of a production deploy whose outcome is unknown', () => {
  const status = (state: PullRequestState, rollout: Rollout = unknown) => {
    const message = renderStatus([{ state, rollout, policy: POLICY }], T0 + 2000);
    expect(validateMessage(message, 'message')).toEqual([]);
    return textOf(message);
  };

  it('before an answer: production may or may not run it, check it, answer on the card', () => {
    const text = status(stateOf(unknown));
    expect(text).toContain('Production may or may not have been deployed');
    expect(text).toContain('answer on the card: *Roll back* or *Production is fine*');
  });

  it('after an answer: who answered, when and how, and how the rollback went', () => {
    expect(status(answered('confirmed'))).toContain('Production checked by hand:* <@UBOB> confirmed');
    expect(status(answered('rollback', 'succeeded'))).toMatch(/Roll back chosen\* by <@UBOB> .* succeeded/);
    expect(status(answered('rollback', 'failed'))).toContain('failed — production may be broken');
  });

  it('says nothing of it for a rollout that ended otherwise', () => {
    expect(status(stateOf(rolloutIn('rejected')), rolloutIn('rejected'))).not.toMatch(/never reported|Production may/);
  });
});
