/**
 * The time lock, the preflight and production: at most once, rolled back when it goes bad, never
 * re-run when its outcome is unknown — given / when / then.
 */
import { describe, expect, it } from 'vitest';
import type { Freeze } from '../../../src/core/types.ts';
import { POLICY, SHA_A, SHA_B } from '../../support/core-fixtures.ts';
import { given, MINUTE, T0 } from './driver.ts';

const FREEZE: Freeze = { reason: 'incident 42', by: 'UBOB', at: T0 };

describe('time lock rules', () => {
  it('lock ends lockMs after quorum: not a millisecond before', () => {
    const g = given().timeLocked();
    const unlockAt = g.clock + POLICY.timeLockMs;
    expect(g.rollout().unlockAt).toBe(unlockAt);
    g.timer('time_lock', POLICY.timeLockMs - 1);
    expect(g.commands).toEqual([]);
    g.timer('time_lock', 1);
    expect(g.sent('RunPreflight')).toEqual([{ type: 'RunPreflight', rolloutId: 'r1', sha: SHA_A }]);
  });

  it('any event after the unlock time runs the preflight (level-triggered), once', () => {
    const g = given().timeLocked().timer('canary_watch', POLICY.timeLockMs);
    expect(g.types).toContain('RunPreflight');
    g.timer('time_lock');
    expect(g.types).not.toContain('RunPreflight');
  });

  it('a hold names the stored canary verdict when the preflight judged healthy but the last look did not', () => {
    // The lock ran out (the watch's event asks for the preflight and the next look); that look is
    // inconclusive while the preflight runs: nothing is left to pause, production is held.
    const g = given().timeLocked().timer('canary_watch', POLICY.timeLockMs);
    expect(g.types).toEqual(expect.arrayContaining(['RunPreflight', 'JudgeCanary']));
    const r = g.rollout();
    g.send({
      type: 'CanaryJudged',
      rolloutId: r.id,
      sha: r.pr.sha,
      look: r.canary.look,
      verdict: 'inconclusive',
      summary: 'thin',
    });
    expect(g.rollout().lockPaused).toBeUndefined();
    g.preflight();
    expect(g.rollout().hold).toEqual({ code: 'canary_not_healthy', verdict: 'inconclusive' });
    expect(g.types).not.toContain('StartDeploy');
  });

  it('cancel works before production, refused after', () => {
    const before = given().timeLocked().cancel('UBOB');
    expect(before.phase).toBe('cancelled');
    expect(before.rollout().ended?.reason).toEqual({ code: 'cancelled_by', user: 'UBOB' });
    expect(before.types).toEqual(['CancelTimers', 'ReplyEphemeral', 'PublishCard']);
    const after = given().deploying().cancel('UBOB');
    expect(after.reply).toEqual({ kind: 'refused', reason: { code: 'production_started' } });
    expect(after.phase).toBe('deploying');
  });

  it.each([
    ['the author', 'UAUTHOR', 'cancelled'],
    ['an outsider', 'UDAVE', 'time_locked'],
  ])('cancel by %s', (_who, user, phase) => {
    expect(given().timeLocked().cancel(user).phase).toBe(phase);
  });

  it('reject ends the rollout with the reason; a stale or outside reject is refused', () => {
    const g = given().awaitingApproval().reject('UDAVE');
    expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'not_named_approver' } });
    g.reject('UBOB', SHA_B);
    expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'stale_card', currentSha: SHA_A } });
    g.reject('UCAROL');
    expect(g.phase).toBe('rejected');
    expect(g.rollout().ended?.reason).toEqual({ code: 'rejected_by', user: 'UCAROL', reason: 'not now' });
  });

  it('reject after production started is refused', () => {
    const g = given().verifying().reject('UBOB');
    expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'production_started' } });
  });
});

describe('preflight rules', () => {
  it('preflight: head moved cancels', () => {
    const g = given().unlocked().preflight({ headSha: SHA_B });
    expect(g.phase).toBe('cancelled');
    expect(g.rollout().ended?.reason).toEqual({ code: 'head_moved', headSha: SHA_B });
    expect(g.types).not.toContain('StartDeploy');
  });

  const holds: [string, Record<string, unknown>, unknown, number][] = [
    ['frozen', { freeze: FREEZE }, { code: 'frozen', freeze: FREEZE }, POLICY.preflightRetryMs],
    ['window closed', { windowOpen: false }, { code: 'window_closed', nextWindowAt: null }, POLICY.preflightRetryMs],
    [
      'window closed until a known time',
      { windowOpen: false, nextWindowAt: T0 + 86_400_000 },
      { code: 'window_closed', nextWindowAt: T0 + 86_400_000 },
      -1,
    ],
    [
      'window closed, next opening already past',
      { windowOpen: false, nextWindowAt: T0 },
      { code: 'window_closed', nextWindowAt: T0 },
      POLICY.preflightRetryMs,
    ],
    [
      'canary unhealthy',
      { canary: 'unhealthy' },
      { code: 'canary_not_healthy', verdict: 'unhealthy' },
      POLICY.preflightRetryMs,
    ],
    [
      'canary inconclusive',
      { canary: 'inconclusive' },
      { code: 'canary_not_healthy', verdict: 'inconclusive' },
      POLICY.preflightRetryMs,
    ],
  ];
  it.each(holds)('preflight: %s holds with a retry timer', (_what, facts, hold, retryIn) => {
    const g = given().unlocked().preflight(facts);
    expect(g.phase).toBe('time_locked');
    expect(g.rollout().hold).toEqual(hold);
    expect(g.types).not.toContain('StartDeploy');
    expect(g.sent('PostThread')).toEqual([
      { type: 'PostThread', rolloutId: 'r1', message: { kind: 'preflight_held', reason: hold } },
    ]);
    const dueAt = retryIn === -1 ? T0 + 86_400_000 : g.clock + retryIn;
    expect(g.sent('ScheduleTimer')).toEqual([
      { type: 'ScheduleTimer', rolloutId: 'r1', kind: 'preflight_retry', dueAt },
    ]);
  });

  it('the retry timer clears the hold and asks again; then production goes', () => {
    const g = given().unlocked().preflight({ windowOpen: false });
    g.timer('time_lock', MINUTE);
    expect(g.types).not.toContain('RunPreflight');
    g.timer('preflight_retry');
    expect(g.rollout().hold).toBeNull();
    expect(g.types).toContain('RunPreflight');
    g.preflight();
    expect(g.phase).toBe('deploying');
  });

  it('a retry timer without a hold does nothing', () => {
    const g = given().timeLocked().timer('preflight_retry');
    expect(g.commands).toEqual([]);
  });

  it('a stored freeze holds production even when the preflight facts say none', () => {
    const g = given().timeLocked();
    g.send({ type: 'FreezeChanged', repo: 'acme/api', freeze: FREEZE });
    g.timer('time_lock', POLICY.timeLockMs).preflight();
    expect(g.rollout().hold).toEqual({ code: 'frozen', freeze: FREEZE });
  });

  it('clearing the freeze lifts a frozen hold at once; it leaves other holds alone', () => {
    const g = given().unlocked().preflight({ freeze: FREEZE });
    g.send({ type: 'FreezeChanged', repo: 'acme/api', freeze: null });
    expect(g.rollout().hold).toBeNull();
    expect(g.types).toContain('RunPreflight');
    const w = given().unlocked().preflight({ windowOpen: false });
    w.send({ type: 'FreezeChanged', repo: 'acme/api', freeze: null });
    expect(w.rollout().hold).toEqual({ code: 'window_closed', nextWindowAt: null });
  });

  it('a preflight answer nobody asked for is ignored', () => {
    const g = given().timeLocked();
    const before = g.state;
    g.preflight();
    expect(g.state).toBe(before);
    expect(g.commands).toEqual([]);
  });

  it('a gate added by a reload holds production as not ready (fail closed)', () => {
    const g = given().unlocked();
    g.policy = { ...POLICY, gates: [...POLICY.gates, { id: 'fuzz', name: 'Fuzz', kind: 'fuzz', phase: 'testing' }] };
    g.preflight();
    expect(g.rollout().hold).toEqual({ code: 'not_ready', blockers: ['gate_not_passed'] });
  });

  it('the stored canary verdict must be healthy too (the hold shows the preflight verdict)', () => {
    const g = given().timeLocked().timer('canary_watch', POLICY.timeLockMs).judged('inconclusive');
    g.preflight();
    expect(g.rollout().hold?.code).toBe('canary_not_healthy');
    expect(g.types).not.toContain('StartDeploy');
  });
});

describe('production rules', () => {
  it('production starts once, for the exact SHA, with a fresh epoch', () => {
    const g = given().deploying();
    expect(g.sent('StartDeploy')).toEqual([
      {
        type: 'StartDeploy',
        rolloutId: 'r1',
        repo: 'acme/api',
        pr: 7,
        sha: SHA_A,
        stage: 'production',
        epoch: 3,
        idempotencyKey: 'r1:production:3',
      },
    ]);
    expect(g.phase).toBe('deploying');
  });

  it('production at most once: repeated preflight answers and timers start nothing', () => {
    const g = given().deploying();
    for (const kind of ['time_lock', 'preflight_retry', 'verification'] as const) {
      g.timer(kind, MINUTE);
      expect(g.types).not.toContain('StartDeploy');
    }
    g.preflight();
    expect(g.types).not.toContain('StartDeploy');
    g.deployed('production');
    g.preflight();
    expect(g.types).not.toContain('StartDeploy');
  });

  it('a successful production deploy is verified, then deployed', () => {
    const g = given().deploying().deployed('production');
    expect(g.phase).toBe('verifying');
    expect(g.sent('ScheduleTimer')).toEqual([
      { type: 'ScheduleTimer', rolloutId: 'r1', kind: 'verification', dueAt: g.clock + POLICY.verificationMs },
    ]);
    g.timer('verification', POLICY.verificationMs);
    expect(g.sent('RunVerification')).toEqual([{ type: 'RunVerification', rolloutId: 'r1', sha: SHA_A, epoch: 3 }]);
    g.send({ type: 'VerificationCompleted', rolloutId: 'r1', epoch: 2, ok: true, summary: '' });
    expect(g.phase).toBe('verifying');
    g.verified(true);
    expect(g.phase).toBe('deployed');
    expect(g.rollout().ended?.reason).toEqual({ code: 'verified' });
  });

  it('the verification timer does nothing outside verification', () => {
    expect(given().timeLocked().timer('verification').commands).toEqual([]);
  });

  it('failed production deploy rolls back', () => {
    const g = given().deploying().deployed('production', false);
    expect(g.phase).toBe('verifying');
    expect(g.sent('StartDeploy').map((c) => [c.stage, c.epoch])).toEqual([['rollback', 4]]);
    g.deployed('rollback');
    expect(g.phase).toBe('rolled_back');
    expect(g.rollout().ended?.reason).toEqual({ code: 'deploy_failed', stage: 'production' });
  });

  it('verification failure rolls back; rollback failure → failed', () => {
    const g = given().verifying().verified(false, 'error rate 4 %');
    expect(g.sent('StartDeploy').map((c) => c.stage)).toEqual(['rollback']);
    expect(g.rollout().rollbackReason).toEqual({ code: 'verification_failed', summary: 'error rate 4 %' });
    g.verified(true);
    expect(g.phase).toBe('verifying');
    g.timer('verification');
    expect(g.commands).toEqual([]);
    g.deployed('rollback', false);
    expect(g.phase).toBe('failed');
    expect(g.rollout().ended?.reason).toEqual({ code: 'rollback_failed' });
  });

  it('verification failure, rollback succeeds → rolled back with the verification as the reason', () => {
    const g = given().verifying().verified(false, 'p99').deployed('rollback');
    expect(g.rollout().ended?.reason).toEqual({ code: 'verification_failed', summary: 'p99' });
  });

  describe('manual rollback', () => {
    it('a named approver or the author may roll back while production is verified', () => {
      const g = given().verifying();
      g.send({ type: 'RollbackRequested', rolloutId: 'r1', user: 'UAUTHOR' });
      expect(g.reply).toEqual({ kind: 'accepted', action: 'rollback' });
      expect(g.sent('StartDeploy').map((c) => c.stage)).toEqual(['rollback']);
      g.send({ type: 'RollbackRequested', rolloutId: 'r1', user: 'UBOB' });
      expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'wrong_phase', phase: 'verifying' } });
      g.deployed('rollback');
      expect(g.rollout().ended?.reason).toEqual({ code: 'rolled_back_by', user: 'UAUTHOR' });
    });

    it('an outsider may not; nobody may before production finished deploying', () => {
      const g = given().verifying();
      g.send({ type: 'RollbackRequested', rolloutId: 'r1', user: 'UDAVE' });
      expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'not_named_approver' } });
      const d = given().deploying();
      d.send({ type: 'RollbackRequested', rolloutId: 'r1', user: 'UBOB' });
      expect(d.reply).toEqual({ kind: 'refused', reason: { code: 'wrong_phase', phase: 'deploying' } });
    });
  });

  describe('deploy outcome unknown → failed, never re-run', () => {
    it('production found started after a crash: failed, a human must look, nothing re-run', () => {
      const g = given().deploying();
      g.send({ type: 'DeployOutcomeUnknown', rolloutId: 'r1', stage: 'production', epoch: 3 });
      expect(g.phase).toBe('failed');
      expect(g.rollout().deploys.production?.status).toBe('unknown');
      expect(g.rollout().ended?.reason).toEqual({ code: 'deploy_outcome_unknown', stage: 'production' });
      expect(g.types).toEqual(['ReportToGitHub', 'CancelTimers', 'PublishCard']);
      // GitHub's production deployment no longer shows "in progress": it ended, outcome unknown.
      expect(g.sent('ReportToGitHub').map((c) => c.report)).toEqual([
        { kind: 'deployment', stage: 'production', status: 'error' },
      ]);
    });

    it('an unknown-outcome report for another epoch, or for a deploy that finished, is ignored', () => {
      const g = given().deploying();
      g.send({ type: 'DeployOutcomeUnknown', rolloutId: 'r1', stage: 'production', epoch: 2 });
      g.send({ type: 'DeployOutcomeUnknown', rolloutId: 'r1', stage: 'rollback', epoch: 4 });
      expect(g.phase).toBe('deploying');
      g.deployed('production');
      g.send({ type: 'DeployOutcomeUnknown', rolloutId: 'r1', stage: 'production', epoch: 3 });
      expect(g.phase).toBe('verifying');
    });
  });
});
