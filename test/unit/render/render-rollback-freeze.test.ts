/**
 * What people see after a production rollback (issue #6): the card and the thread say the
 * repository is frozen and who may clear it; a failed rollback alerts the alerts channel; the
 * automatic freeze is never shown as a mention.
 */
import { describe, expect, it } from 'vitest';
import { AUTOMATIC_FREEZE_BY, type Freeze, type Rollout } from '../../../src/core/types.ts';
import { toCardView } from '../../../src/render/card-view.ts';
import { describeHold } from '../../../src/render/describe-hold.ts';
import { describeRollbackFreeze } from '../../../src/render/describe-rollback-freeze.ts';
import { ACTION_ID } from '../../../src/render/ids.ts';
import { renderCard } from '../../../src/render/render-card.ts';
import { renderRollbackFailedAlert } from '../../../src/render/render-rollback-failed-alert.ts';
import { renderThreadMessage } from '../../../src/render/render-thread-message.ts';
import { validateMessage } from '../../../src/render/validate-blocks.ts';
import { POLICY, rolloutIn, stateOf, T0 } from './render-fixtures.ts';

const json = (value: unknown): string => JSON.stringify(value);

function failedRollback(code: 'rollback_failed' | 'deploy_outcome_unknown' = 'rollback_failed'): Rollout {
  const r = rolloutIn('failed');
  const reason = code === 'rollback_failed' ? { code } : { code, stage: 'rollback' as const };
  return { ...r, ended: { at: T0, reason } };
}

describe('the automatic freeze', () => {
  it.each([
    ['verification_failed', { code: 'verification_failed', summary: 'p99' }, 'its verification failed'],
    ['deploy_failed', { code: 'deploy_failed', stage: 'production' }, 'the production deploy failed'],
    ['rolled_back_by', { code: 'rolled_back_by', user: 'UBOB' }, 'Roll back was clicked'],
    ['rollback_failed', { code: 'rollback_failed' }, 'production may be broken'],
    ['another reason', { code: 'verified' }, 'production was rolled back'],
  ] as const)('its stored reason names the rollout and the cause (%s)', (_code, reason, cause) => {
    const r = rolloutIn('rolled_back');
    const text = describeRollbackFreeze(r, reason);
    expect(text).toContain(`${r.pr.repo}#${r.pr.number}`);
    expect(text).toContain(r.pr.sha.slice(0, 7));
    expect(text).toContain(cause);
    expect(text.length).toBeLessThanOrEqual(500);
  });

  it('is shown as by shiplock, never as a mention; a human freeze still mentions its author', () => {
    const auto: Freeze = { reason: 'automatic after …', by: AUTOMATIC_FREEZE_BY, at: T0 };
    const text = describeHold({ code: 'frozen', freeze: auto }, 300);
    expect(text).toContain('frozen by shiplock (automatically, after a production rollback)');
    expect(text).not.toContain('<@');
    expect(describeHold({ code: 'frozen', freeze: { ...auto, by: 'UBOB' } }, 300)).toContain('<@UBOB>');
  });
});

describe('the rolled-back card and its thread', () => {
  it.each([
    ['rolled back', rolloutIn('rolled_back')],
    ['rollback failed', failedRollback()],
    ['rollback never reported', failedRollback('deploy_outcome_unknown')],
  ])('%s: the card says the repository is frozen and who may clear it', (_what, rollout) => {
    const card = renderCard(toCardView(stateOf(rollout), rollout, POLICY, T0));
    expect(json(card)).toContain('are now frozen');
    expect(json(card)).toContain('/shiplock freeze off');
    for (const approver of POLICY.approvals.approvers) expect(json(card)).toContain(`<@${approver}>`);
    expect(validateMessage(card, 'message')).toEqual([]);
  });

  it('a card that did not end by a production rollback says nothing of a freeze', () => {
    for (const phase of ['deployed', 'rejected', 'failed'] as const) {
      const rollout = rolloutIn(phase);
      expect(json(renderCard(toCardView(stateOf(rollout), rollout, POLICY, T0)))).not.toContain('are now frozen');
    }
  });

  it('the thread message names the repository, the named approvers and how to clear it', () => {
    for (const rollout of [rolloutIn('rolled_back'), failedRollback()]) {
      const message = renderThreadMessage(
        { kind: 'repository_frozen' },
        { state: stateOf(rollout), rollout, policy: POLICY },
      );
      expect(message.text).toContain('frozen');
      expect(json(message)).toContain('/shiplock freeze off');
      expect(json(message)).toContain('<@UBOB>');
      expect(json(message).includes('production may be broken')).toBe(rollout.phase === 'failed');
    }
  });
});

describe('the failed-rollback alert', () => {
  it('names repository, PR, commit, says production may be broken, what to do, and links the card', () => {
    const rollout = failedRollback();
    const url = 'https://acme.slack.com/archives/C0DEPLOYS/p1714564800000100';
    const message = renderRollbackFailedAlert({ rollout, cardUrl: url });
    expect(message.text).toContain('rollback failed');
    const text = json(message);
    expect(text).toContain(rollout.pr.repo);
    expect(text).toContain(`#${rollout.pr.number}`);
    expect(text).toContain(rollout.pr.sha.slice(0, 7));
    expect(text).toContain('may be broken');
    expect(text).toContain('*Next:*');
    expect(text).toContain('/shiplock freeze off');
    const button = message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []))[0];
    expect(button).toMatchObject({ action_id: ACTION_ID.openCard, url });
    expect(validateMessage(message, 'message')).toEqual([]);
  });

  it('drops a card link that is not a plain permalink, and says when the rollback never reported', () => {
    const message = renderRollbackFailedAlert({
      rollout: failedRollback('deploy_outcome_unknown'),
      cardUrl: 'javascript:alert(1)',
    });
    expect(message.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(message.text).toContain('rollback never reported');
  });
});
