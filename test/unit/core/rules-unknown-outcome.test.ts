/**
 * A production deploy whose outcome is unknown after a restart is never re-run: the rollout fails,
 * and a human answers — Roll back or Production is fine (issue #6) — given / when / then. The
 * rollout stays `failed`; the answer is kept on the aggregate.
 */
import { describe, expect, it } from 'vitest';
import { awaitsResolution, deployOf, resolutionOf } from '../../../src/core/decide-resolution.ts';
import type { Rollout } from '../../../src/core/types.ts';
import { given, type Rollouts } from './driver.ts';

/** Production claimed, then found started with its outcome unknown. */
function unknownProduction(): Rollouts {
  const g = given().deploying();
  g.send({ type: 'DeployOutcomeUnknown', rolloutId: 'r1', stage: 'production', epoch: g.rollout().epoch });
  return g;
}

const rollback = (g: Rollouts, user = 'UBOB') => g.send({ type: 'RollbackRequested', rolloutId: 'r1', user });
const confirm = (g: Rollouts, user = 'UBOB') => g.send({ type: 'ProductionConfirmed', rolloutId: 'r1', user });

function claimedEpoch(g: Rollouts): number {
  return g.state?.resolutions?.[0]?.rollback?.epoch ?? -1;
}

describe('production outcome unknown: a human answers (issue #6)', () => {
  it('ends failed (deploy_outcome_unknown), re-runs nothing, freezes nothing, and awaits an answer', () => {
    const g = unknownProduction();
    expect(g.phase).toBe('failed');
    expect(g.rollout().ended?.reason).toEqual({ code: 'deploy_outcome_unknown', stage: 'production' });
    expect(g.types).not.toContain('StartDeploy');
    expect(g.types).not.toContain('FreezeRepository');
    expect(awaitsResolution(g.rollout())).toBe(true);
    expect(g.state?.resolutions).toBeUndefined();
  });

  it('Roll back by a named approver: the rollback is claimed with a new epoch, once; the rollout stays failed', () => {
    const g = unknownProduction();
    const before = g.rollout();
    rollback(g);
    expect(g.rollout()).toBe(before);
    const epoch = before.epoch + 1;
    expect(g.sent('StartDeploy')).toEqual([
      {
        type: 'StartDeploy',
        rolloutId: 'r1',
        repo: 'acme/api',
        pr: 7,
        sha: before.pr.sha,
        stage: 'rollback',
        epoch,
        idempotencyKey: `r1:rollback:${epoch}`,
      },
    ]);
    expect(g.reply).toEqual({ kind: 'accepted', action: 'rollback' });
    expect(g.types).toEqual(['StartDeploy', 'ReportToGitHub', 'ReplyEphemeral', 'PostThread', 'PublishCard']);
    expect(g.state?.resolutions).toEqual([
      {
        rolloutId: 'r1',
        kind: 'rollback',
        by: 'UBOB',
        at: g.clock,
        rollback: { status: 'claimed', epoch, claimedAt: g.clock, finishedAt: null, summary: '' },
      },
    ]);
    expect(deployOf(g.state!, g.rollout(), 'rollback')?.epoch).toBe(epoch);
    expect(deployOf(g.state!, g.rollout(), 'production')?.status).toBe('unknown');
    expect(deployOf(g.state!, { ...g.rollout(), deploys: {} }, 'canary')).toBeNull();
  });

  it.each([
    ['succeeds', true, { code: 'rolled_back_by', user: 'UBOB' }, false],
    ['fails', false, { code: 'rollback_failed' }, true],
  ] as const)('the rollback %s → recorded, the repository frozen%s', (_what, ok, reason, alerts) => {
    const g = unknownProduction();
    rollback(g);
    g.send({ type: 'DeployStarted', rolloutId: 'r1', stage: 'rollback', epoch: claimedEpoch(g) });
    expect(g.state?.resolutions?.[0]?.rollback?.status).toBe('running');
    expect(g.types).toEqual(['PublishCard']);
    g.send({ type: 'DeployFinished', rolloutId: 'r1', stage: 'rollback', epoch: claimedEpoch(g), ok, summary: 'x' });
    expect(g.state?.resolutions?.[0]?.rollback).toMatchObject({
      status: ok ? 'succeeded' : 'failed',
      finishedAt: g.clock,
      summary: 'x',
    });
    expect(g.phase).toBe('failed');
    expect(g.sent('FreezeRepository')).toEqual([
      { type: 'FreezeRepository', rolloutId: 'r1', repo: 'acme/api', reason },
    ]);
    expect(g.sent('PostThread').map((c) => c.message.kind)).toEqual(['deploy_finished', 'repository_frozen']);
    expect(g.types.includes('AlertRollbackFailed')).toBe(alerts);
    expect(g.types).not.toContain('CancelTimers');
    // The result again, or any other, is absorbed.
    g.send({ type: 'DeployFinished', rolloutId: 'r1', stage: 'rollback', epoch: claimedEpoch(g), ok, summary: 'x' });
    expect(g.commands).toEqual([]);
  });

  it('the claimed rollback found started after a restart is never re-run: frozen and alerted', () => {
    const g = unknownProduction();
    rollback(g);
    g.send({ type: 'DeployOutcomeUnknown', rolloutId: 'r1', stage: 'rollback', epoch: claimedEpoch(g) });
    expect(g.state?.resolutions?.[0]?.rollback?.status).toBe('unknown');
    expect(g.sent('FreezeRepository')[0]?.reason).toEqual({ code: 'deploy_outcome_unknown', stage: 'rollback' });
    expect(g.types).toContain('AlertRollbackFailed');
    expect(g.types).not.toContain('StartDeploy');
    expect(g.sent('ReportToGitHub').map((c) => c.report)).toEqual([
      { kind: 'deployment', stage: 'rollback', status: 'error' },
    ]);
    rollback(g, 'UCAROL');
    expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'already_resolved', kind: 'rollback', by: 'UBOB' } });
    expect(g.types).toEqual(['ReplyEphemeral']);
  });

  it('Production is fine: recorded with who and when, nothing deployed, nothing frozen', () => {
    const g = unknownProduction();
    confirm(g, 'UAUTHOR');
    expect(g.reply).toEqual({ kind: 'accepted', action: 'confirm_production' });
    expect(g.types).toEqual(['ReportToGitHub', 'ReplyEphemeral', 'PostThread', 'PublishCard']);
    // A human vouched for production: GitHub's deployment, left `error` by the unknown outcome, succeeds.
    expect(g.sent('ReportToGitHub').map((c) => c.report)).toEqual([
      { kind: 'deployment', stage: 'production', status: 'success' },
    ]);
    expect(g.state?.resolutions).toEqual([
      { rolloutId: 'r1', kind: 'confirmed', by: 'UAUTHOR', at: g.clock, rollback: null },
    ]);
    expect(g.phase).toBe('failed');
    expect(deployOf(g.state!, g.rollout(), 'rollback')).toBeNull();
  });

  it('whichever comes first wins; the other is refused with who answered, and a double click counts once', () => {
    const first = unknownProduction();
    confirm(first);
    rollback(first, 'UCAROL');
    expect(first.reply).toEqual({
      kind: 'refused',
      reason: { code: 'already_resolved', kind: 'confirmed', by: 'UBOB' },
    });
    expect(first.types).toEqual(['ReplyEphemeral']);
    confirm(first);
    expect(first.reply).toMatchObject({ reason: { code: 'already_resolved' } });

    const second = unknownProduction();
    rollback(second);
    const state = second.state;
    rollback(second);
    expect(second.state).toBe(state);
    expect(second.reply).toEqual({
      kind: 'refused',
      reason: { code: 'already_resolved', kind: 'rollback', by: 'UBOB' },
    });
    confirm(second, 'UAUTHOR');
    expect(second.types).toEqual(['ReplyEphemeral']);
    expect(second.state?.resolutions).toHaveLength(1);
  });

  it.each(['UMAL', 'UNOBODY'])('%s (not named, not the author) is refused either way', (user) => {
    const g = unknownProduction();
    const state = g.state;
    rollback(g, user);
    expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'not_named_approver' } });
    confirm(g, user);
    expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'not_named_approver' } });
    expect(g.state).toBe(state);
  });

  it('other clicks on the failed card are still already_decided; machine events are absorbed', () => {
    const g = unknownProduction();
    const state = g.state;
    g.cancel('UBOB');
    expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'already_decided', phase: 'failed' } });
    g.send({ type: 'TimerFired', rolloutId: 'r1', kind: 'verification' });
    g.send({
      type: 'DeployFinished',
      rolloutId: 'r1',
      stage: 'production',
      epoch: g.rollout().epoch,
      ok: true,
      summary: '',
    });
    g.send({
      type: 'DeployFinished',
      rolloutId: 'r1',
      stage: 'rollback',
      epoch: g.rollout().epoch + 1,
      ok: true,
      summary: '',
    });
    expect(g.commands).toEqual([]);
    expect(g.state).toBe(state);
  });

  it('a rollback result for another epoch, or a start of a running rollback, is absorbed', () => {
    const g = unknownProduction();
    rollback(g);
    const epoch = claimedEpoch(g);
    g.send({ type: 'DeployFinished', rolloutId: 'r1', stage: 'rollback', epoch: epoch + 1, ok: true, summary: '' });
    expect(g.commands).toEqual([]);
    g.send({ type: 'DeployStarted', rolloutId: 'r1', stage: 'rollback', epoch });
    const state = g.state;
    g.send({ type: 'DeployStarted', rolloutId: 'r1', stage: 'rollback', epoch });
    expect(g.commands).toEqual([]);
    expect(g.state).toBe(state);
  });

  it.each(['staging', 'canary'] as const)(
    'a %s deploy found unknown offers no answer: every click is already_decided',
    (stage) => {
      const g = given().opened().gatesPassed();
      if (stage === 'canary') g.deployed('staging');
      g.send({ type: 'DeployOutcomeUnknown', rolloutId: 'r1', stage, epoch: g.rollout().epoch });
      expect(g.rollout().ended?.reason).toEqual({ code: 'deploy_outcome_unknown', stage });
      expect(awaitsResolution(g.rollout())).toBe(false);
      rollback(g);
      expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'already_decided', phase: 'failed' } });
      confirm(g);
      expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'already_decided', phase: 'failed' } });
    },
  );

  it('Production is fine on an active rollout is refused: wrong_phase for the named, not_named_approver else', () => {
    const g = given().verifying();
    confirm(g);
    expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'wrong_phase', phase: 'verifying' } });
    confirm(g, 'UMAL');
    expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'not_named_approver' } });
    g.send({ type: 'ProductionConfirmed', rolloutId: 'nope', user: 'UBOB' });
    expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'unknown_rollout' } });
  });

  it('a failed rollout without an end reason awaits nothing; resolutionOf finds only its own rollout', () => {
    const g = unknownProduction();
    const r: Rollout = { ...g.rollout(), ended: null };
    expect(awaitsResolution(r)).toBe(false);
    confirm(g);
    expect(resolutionOf(g.state!, 'r1')?.kind).toBe('confirmed');
    expect(resolutionOf(g.state!, 'r2')).toBeNull();
  });
});
