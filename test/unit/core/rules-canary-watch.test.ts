/**
 * The canary watched through the lock (issues 3 and 5): a verdict change reaches the thread with
 * its look, the per-metric rows are stored with the verdict and never decide, and an inconclusive
 * look pauses the time lock until a healthy one resumes it — given / when / then.
 */
import { describe, expect, it } from 'vitest';
import type { CanaryMetricRow, CanaryVerdict, Command } from '../../../src/core/types.ts';
import { POLICY, SHA_B } from '../../support/core-fixtures.ts';
import { given, MINUTE, type Rollouts, withApprovals } from './driver.ts';

const ROW: CanaryMetricRow = {
  name: 'latency_p99',
  verdict: 'healthy',
  critical: true,
  test: 'shift',
  rule: 'within_margin',
  baseline: '0.212',
  canary: '0.215',
  effect: '+1.4 %',
  interval: '90 % CI −2 %…+4.9 %',
  margin: '−9.09 %…+10 %',
  pRaw: '0.31',
  pAdjusted: '1',
  alpha: '0.0052',
  samples: 'canary 60/60 · baseline 60/60',
  flags: ['ties 3.3 %'],
  reason: '+1.4 % (90 % CI −2 %…+4.9 %): shown within the margin',
};

/** The current look judged `verdict`, with `metrics` rows when given. */
function judge(g: Rollouts, verdict: CanaryVerdict, metrics?: readonly CanaryMetricRow[], afterMs = 0): Rollouts {
  const r = g.rollout();
  const rows = metrics === undefined ? {} : { metrics };
  g.send(
    { type: 'CanaryJudged', rolloutId: r.id, sha: r.pr.sha, look: r.canary.look, verdict, summary: verdict, ...rows },
    afterMs,
  );
  return g;
}

/** The next look asked for `afterMs` later, then judged `verdict`. */
function nextLook(g: Rollouts, verdict: CanaryVerdict, afterMs = MINUTE): Rollouts {
  return judge(g.timer('canary_watch', afterMs), verdict);
}

const threads = (commands: readonly Command[]) =>
  commands.flatMap((c) => (c.type === 'PostThread' ? [c.message.kind] : []));

describe('the canary in the thread', () => {
  it('the first verdict is posted with its look and the time it was judged', () => {
    const g = given().opened().gatesPassed().deployed('staging').deployed('canary');
    judge(g, 'inconclusive');
    expect(g.sent('PostThread')).toEqual([
      {
        type: 'PostThread',
        rolloutId: 'r1',
        message: { kind: 'canary_judged', look: 1, verdict: 'inconclusive', judgedAt: g.clock },
      },
    ]);
  });

  it('the same verdict look after look says nothing; a change says it once', () => {
    const g = given().opened().gatesPassed().deployed('staging').deployed('canary');
    judge(g, 'inconclusive');
    nextLook(g, 'inconclusive');
    expect(threads(g.commands)).toEqual([]);
    nextLook(g, 'healthy');
    expect(g.sent('PostThread').map((c) => c.message)).toEqual([
      { kind: 'canary_judged', look: 3, verdict: 'healthy', judgedAt: g.clock },
    ]);
    nextLook(g, 'healthy');
    expect(threads(g.commands)).toEqual([]);
  });

  it('stale looks (another SHA, another look) are ignored and say nothing', () => {
    const g = given().opened().gatesPassed().deployed('staging').deployed('canary');
    g.send({ type: 'CanaryJudged', rolloutId: 'r1', sha: SHA_B, look: 1, verdict: 'healthy', summary: '' });
    g.send({
      type: 'CanaryJudged',
      rolloutId: 'r1',
      sha: g.rollout().pr.sha,
      look: 2,
      verdict: 'healthy',
      summary: '',
    });
    expect(g.commands).toEqual([]);
    expect(g.rollout().canary.verdict).toBeNull();
  });

  it('an unhealthy verdict is posted before the rollout ends (why it was rejected)', () => {
    const g = judge(given().awaitingApproval().timer('canary_watch', MINUTE), 'unhealthy');
    expect(g.phase).toBe('rejected');
    expect(threads(g.commands)).toEqual(['canary_judged']);
  });
});

describe('per-metric rows', () => {
  it('are stored with the verdict, kept while the next look runs, and replaced by it', () => {
    const g = given().opened().gatesPassed().deployed('staging').deployed('canary');
    judge(g, 'healthy', [ROW]);
    expect(g.rollout().canary.metrics).toEqual([ROW]);
    g.timer('canary_watch', MINUTE);
    expect(g.rollout().canary.metrics).toEqual([ROW]);
    judge(g, 'healthy', [{ ...ROW, canary: '0.3' }]);
    expect(g.rollout().canary.metrics?.[0]?.canary).toBe('0.3');
  });

  it("keep the judge's Kayenta-style score with the verdict, for the thread", () => {
    const g = given().opened().gatesPassed().deployed('staging').deployed('canary');
    const r = g.rollout();
    g.send({
      type: 'CanaryJudged',
      rolloutId: r.id,
      sha: r.pr.sha,
      look: 1,
      verdict: 'healthy',
      summary: 'ok',
      score: 87,
    });
    expect(g.rollout().canary.score).toBe(87);
  });

  it('a look without rows leaves none behind (absent, as in older snapshots)', () => {
    const g = given().opened().gatesPassed().deployed('staging').deployed('canary');
    judge(g, 'inconclusive', [ROW]).timer('canary_watch', MINUTE);
    judge(g, 'inconclusive');
    expect('metrics' in g.rollout().canary).toBe(false);
  });

  it('never decide: an unhealthy row under a healthy verdict opens approvals all the same', () => {
    const g = given().opened().gatesPassed().deployed('staging').deployed('canary');
    judge(g, 'healthy', [{ ...ROW, verdict: 'unhealthy', rule: 'significant_beyond_margin' }]);
    expect(g.phase).toBe('awaiting_approval');
  });
});

describe('the time lock pauses while the canary is inconclusive', () => {
  /** Time-locked at `quorum`, then an inconclusive look five minutes in. */
  function paused(): { g: Rollouts; quorum: number } {
    const g = given().timeLocked();
    const quorum = g.clock;
    nextLook(g, 'inconclusive', 5 * MINUTE);
    return { g, quorum };
  }

  it('an inconclusive look keeps the time left, clears the deadline and asks the counted approvers', () => {
    const { g } = paused();
    const r = g.rollout();
    expect(r.phase).toBe('time_locked');
    expect(r.unlockAt).toBeNull();
    expect(r.lockPaused).toEqual({ since: g.clock, remainingMs: 10 * MINUTE });
    expect(g.sent('PostThread').map((c) => c.message)).toEqual([
      { kind: 'canary_judged', look: 2, verdict: 'inconclusive', judgedAt: g.clock },
      { kind: 'time_lock_paused', remainingMs: 10 * MINUTE, approvers: ['UBOB', 'UCAROL'] },
    ]);
    expect(g.types).toContain('PublishCard');
  });

  it('the time lock never fires while paused: not at its old deadline, not hours later', () => {
    const { g } = paused();
    g.timer('time_lock', 10 * MINUTE);
    expect(g.commands).toEqual([]);
    g.timer('time_lock', 5 * 60 * MINUTE);
    expect(g.commands).toEqual([]);
    nextLook(g, 'inconclusive', POLICY.timeLockMs);
    expect(g.types).not.toContain('RunPreflight');
    expect(threads(g.commands)).toEqual([]);
  });

  it('a healthy look resumes it with the time that was left, moves the timer, and says so quietly', () => {
    const { g } = paused();
    nextLook(g, 'healthy', 20 * MINUTE);
    const unlockAt = g.clock + 10 * MINUTE;
    expect(g.rollout().unlockAt).toBe(unlockAt);
    expect(g.rollout().lockPaused).toBeUndefined();
    expect(g.sent('ScheduleTimer').filter((c) => c.kind === 'time_lock')).toEqual([
      { type: 'ScheduleTimer', rolloutId: 'r1', kind: 'time_lock', dueAt: unlockAt },
    ]);
    expect(g.sent('PostThread').map((c) => c.message)).toEqual([
      { kind: 'canary_judged', look: 3, verdict: 'healthy', judgedAt: g.clock },
      { kind: 'time_lock_resumed', unlockAt },
    ]);
    g.timer('time_lock', 10 * MINUTE - 1);
    expect(g.types).not.toContain('RunPreflight');
    g.timer('time_lock', 1);
    expect(g.types).toContain('RunPreflight');
  });

  it('the lock counts its full length with a canary not in doubt: quorum + lock + pause', () => {
    const { g, quorum } = paused();
    const pausedFor = 20 * MINUTE;
    nextLook(g, 'healthy', pausedFor);
    expect(g.rollout().unlockAt).toBe(quorum + POLICY.timeLockMs + pausedFor);
  });

  it('an unhealthy look while paused stops the rollout and rolls the canary back', () => {
    const { g } = paused();
    nextLook(g, 'unhealthy');
    expect(g.phase).toBe('rejected');
    expect(g.sent('StartDeploy').map((c) => c.stage)).toEqual(['rollback']);
  });

  it('cancel works while paused', () => {
    const { g } = paused();
    g.cancel('UBOB');
    expect(g.phase).toBe('cancelled');
  });

  it('a reload that un-names an approver while paused reopens the request; the next quorum locks anew', () => {
    const { g } = paused();
    g.policy = withApprovals({ approvers: ['UAUTHOR', 'UBOB', 'UDAVE'] });
    g.timer('approval_reminder');
    expect(g.phase).toBe('awaiting_approval');
    expect(g.rollout().lockPaused).toBeUndefined();
    judge(g.timer('canary_watch', MINUTE), 'healthy');
    g.approve('UDAVE');
    expect(g.phase).toBe('time_locked');
    expect(g.rollout().unlockAt).toBe(g.clock + POLICY.timeLockMs);
  });

  it('a quorum reached while the last look is inconclusive starts the lock paused at its full length', () => {
    const g = given().awaitingApproval();
    nextLook(g, 'inconclusive');
    expect(g.phase).toBe('awaiting_approval');
    g.approve('UBOB').approve('UCAROL');
    expect(g.phase).toBe('time_locked');
    expect(g.rollout().lockPaused).toEqual({ since: g.clock, remainingMs: POLICY.timeLockMs });
    expect(threads(g.commands)).toEqual(['time_lock_paused']);
  });

  it('approvals, freezes and other events while paused leave it paused', () => {
    const { g } = paused();
    const before = g.rollout().lockPaused;
    g.send({ type: 'FreezeChanged', repo: 'acme/api', freeze: { reason: 'x', by: 'UBOB', at: g.clock } }, MINUTE);
    g.send({ type: 'FreezeChanged', repo: 'acme/api', freeze: null }, MINUTE);
    g.approve('UBOB');
    expect(g.rollout().lockPaused).toEqual(before);
    expect(g.types).not.toContain('RunPreflight');
  });
});
