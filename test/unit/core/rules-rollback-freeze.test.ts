/**
 * After a production rollback the repository is frozen; a failed rollback also alerts (issue #6) —
 * given / when / then. A canary rollback is a normal gate failure and freezes nothing.
 */
import { describe, expect, it } from 'vitest';
import { endedByProductionRollback } from '../../../src/core/end-production-rollback.ts';
import { RENDER_COMMANDS, type Rollout } from '../../../src/core/types.ts';
import { POLICY } from '../../support/core-fixtures.ts';
import { given, type Rollouts } from './driver.ts';

/** Ways a production rollback is claimed, each with the reason the rollout ends with when it succeeds. */
const ROLLBACKS: [string, (g: Rollouts) => Rollouts, unknown][] = [
  [
    'verification failed',
    (g) => g.verifying().verified(false, 'p99 up'),
    { code: 'verification_failed', summary: 'p99 up' },
  ],
  [
    'production deploy failed',
    (g) => g.deploying().deployed('production', false),
    { code: 'deploy_failed', stage: 'production' },
  ],
  [
    'Roll back clicked',
    (g) => {
      g.verifying().send({ type: 'RollbackRequested', rolloutId: 'r1', user: 'UBOB' });
      return g;
    },
    { code: 'rolled_back_by', user: 'UBOB' },
  ],
];

describe('freeze after a production rollback', () => {
  it.each(ROLLBACKS)(
    '%s, rollback succeeds → rolled_back, FreezeRepository with the reason, thread says frozen',
    (_why, claim, reason) => {
      const g = claim(given()).deployed('rollback');
      expect(g.phase).toBe('rolled_back');
      expect(g.rollout().ended?.reason).toEqual(reason);
      expect(g.sent('FreezeRepository')).toEqual([
        { type: 'FreezeRepository', rolloutId: 'r1', repo: 'acme/api', reason },
      ]);
      expect(g.sent('PostThread').map((c) => c.message)).toContainEqual({ kind: 'repository_frozen' });
      expect(g.types).not.toContain('AlertRollbackFailed');
      expect(endedByProductionRollback(g.rollout())).toBe(true);
    },
  );

  it.each(ROLLBACKS)('%s, rollback fails → failed (rollback_failed), frozen and alerted', (_why, claim) => {
    const g = claim(given()).deployed('rollback', false);
    expect(g.phase).toBe('failed');
    expect(g.rollout().ended?.reason).toEqual({ code: 'rollback_failed' });
    expect(g.sent('FreezeRepository')).toEqual([
      { type: 'FreezeRepository', rolloutId: 'r1', repo: 'acme/api', reason: { code: 'rollback_failed' } },
    ]);
    expect(g.sent('AlertRollbackFailed')).toEqual([{ type: 'AlertRollbackFailed', rolloutId: 'r1' }]);
    expect(g.types).toEqual([
      'PostThread',
      'ReportToGitHub',
      'CancelTimers',
      'FreezeRepository',
      'PostThread',
      'AlertRollbackFailed',
      'PublishCard',
    ]);
  });

  it('rollback outcome unknown after a restart → failed, frozen and alerted', () => {
    const g = given().verifying().verified(false);
    const epoch = g.rollout().deploys.rollback?.epoch ?? -1;
    g.send({ type: 'DeployOutcomeUnknown', rolloutId: 'r1', stage: 'rollback', epoch });
    const reason = { code: 'deploy_outcome_unknown', stage: 'rollback' };
    expect(g.rollout().ended?.reason).toEqual(reason);
    expect(g.sent('FreezeRepository')).toEqual([
      { type: 'FreezeRepository', rolloutId: 'r1', repo: 'acme/api', reason },
    ]);
    expect(g.types).toContain('AlertRollbackFailed');
    expect(endedByProductionRollback(g.rollout())).toBe(true);
  });

  it('production outcome unknown → failed, neither frozen nor alerted (no rollback ran)', () => {
    const g = given().deploying();
    g.send({ type: 'DeployOutcomeUnknown', rolloutId: 'r1', stage: 'production', epoch: g.rollout().epoch });
    expect(g.phase).toBe('failed');
    expect(g.types).not.toContain('FreezeRepository');
    expect(g.types).not.toContain('AlertRollbackFailed');
    expect(endedByProductionRollback(g.rollout())).toBe(false);
  });

  const noFreeze: [string, (g: Rollouts) => Rollouts][] = [
    ['an unhealthy canary (canary rollback)', (g) => g.awaitingApproval().judged('unhealthy')],
    ['a verified production', (g) => g.verifying().verified(true)],
    ['a failed staging deploy', (g) => g.opened().gatesPassed().deployed('staging', false)],
    ['a rejected change', (g) => g.awaitingApproval().reject('UBOB')],
  ];
  it.each(noFreeze)('%s ends without a freeze', (_what, run) => {
    const g = run(given());
    const all = g.types;
    expect(all).not.toContain('FreezeRepository');
    expect(all).not.toContain('AlertRollbackFailed');
    expect(endedByProductionRollback(g.rollout())).toBe(false);
  });

  it('the canary rollback result is absorbed: no freeze, no alert', () => {
    const g = given().awaitingApproval().judged('unhealthy').deployed('rollback', false);
    expect(g.commands).toEqual([]);
    expect(g.phase).toBe('rejected');
  });

  it('the freeze comes back as FreezeChanged and holds the next rollout at preflight', () => {
    const g = given().verifying().verified(false).deployed('rollback');
    const freeze = { reason: 'automatic after the production rollback', by: 'shiplock', at: g.clock };
    g.send({ type: 'FreezeChanged', repo: 'acme/api', freeze });
    expect(g.state?.freeze).toEqual(freeze);
    expect(g.phase).toBe('rolled_back');
    // A new push starts a rollout that is held at its preflight until the freeze is cleared.
    g.opened('c'.repeat(40), 'r2')
      .awaitingApproval()
      .approve('UBOB')
      .approve('UCAROL')
      .timer('time_lock', POLICY.timeLockMs);
    g.preflight({ freeze });
    expect(g.rollout().hold).toEqual({ code: 'frozen', freeze });
    g.send({ type: 'FreezeChanged', repo: 'acme/api', freeze: null });
    expect(g.rollout().hold).toBeNull();
    expect(g.types).toContain('RunPreflight');
  });

  it('AlertRollbackFailed is display only (I3); FreezeRepository is a decision', () => {
    expect(RENDER_COMMANDS.has('AlertRollbackFailed')).toBe(true);
    expect(RENDER_COMMANDS.has('FreezeRepository')).toBe(false);
  });

  it('a failed rollout without an end reason did not end by a rollback', () => {
    const r: Rollout = { ...given().opened().rollout(), phase: 'failed', ended: null };
    expect(endedByProductionRollback(r)).toBe(false);
  });
});
