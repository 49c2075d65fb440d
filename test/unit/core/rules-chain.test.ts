/**
 * The chain before approval: gates (fail closed, retry only for errors), staging, the canary and the
 * advisory reviewer — given / when / then.
 */
import { describe, expect, it } from 'vitest';
import type { GateSpec, Policy } from '../../../src/core/types.ts';
import { POLICY, SHA_A, SHA_B } from '../../support/core-fixtures.ts';
import { given, MINUTE } from './driver.ts';

const ok = { status: 'passed', summary: 'ok', durationMs: 5 } as const;
const gate = (id: string, phase: GateSpec['phase']): GateSpec => ({ id, name: id, kind: 'github_check', phase });

describe('gate rules', () => {
  it('opening a PR asks for the advisory review and starts the reviewing gates, all at once', () => {
    const policy: Policy = { ...POLICY, gates: [gate('lint', 'reviewing'), gate('scan', 'reviewing')] };
    const g = given(policy).opened();
    expect(g.types).toEqual([
      'RequestAdvisoryReview',
      'RunGate',
      'ReportToGitHub',
      'RunGate',
      'ReportToGitHub',
      'PublishCard',
    ]);
    expect(g.sent('RunGate').map((c) => [c.gateId, c.attempt, c.sha])).toEqual([
      ['lint', 1, SHA_A],
      ['scan', 1, SHA_A],
    ]);
  });

  it('testing gates run one after another, in the configured order', () => {
    const policy: Policy = { ...POLICY, gates: [gate('unit', 'testing'), gate('fuzz', 'testing')] };
    const g = given(policy).opened();
    expect(g.phase).toBe('testing');
    expect(g.sent('RunGate').map((c) => c.gateId)).toEqual(['unit']);
    g.pass('unit');
    expect(g.sent('RunGate').map((c) => c.gateId)).toEqual(['fuzz']);
  });

  it('without gates a rollout goes straight to staging', () => {
    const g = given({ ...POLICY, gates: [], advisoryReview: false }).opened();
    expect(g.phase).toBe('staging');
    expect(g.types).not.toContain('RequestAdvisoryReview');
    expect(g.sent('StartDeploy').map((c) => [c.stage, c.epoch])).toEqual([['staging', 1]]);
  });

  it('a missing result never passes: other gates passing does not move the rollout', () => {
    const policy: Policy = { ...POLICY, gates: [gate('lint', 'reviewing'), gate('scan', 'reviewing')] };
    const g = given(policy).opened().pass('lint');
    expect(g.phase).toBe('reviewing');
  });

  const stale: [string, Record<string, unknown>][] = [
    ['another SHA', { sha: SHA_B }],
    ['another attempt', { attempt: 2 }],
    ['a gate never started', { gateId: 'unit' }],
  ];
  it.each(stale)('a result for %s is ignored (fail closed)', (_what, patch) => {
    const g = given().opened();
    const before = g.state;
    g.send({ type: 'GateFinished', rolloutId: 'r1', sha: SHA_A, gateId: 'lint', attempt: 1, outcome: ok, ...patch });
    expect(g.state).toBe(before);
    expect(g.commands).toEqual([]);
  });

  it('a gate failure rejects the rollout and reports the failure', () => {
    const g = given().opened();
    const outcome = { status: 'failed', summary: '3 findings', durationMs: 9 } as const;
    g.send({ type: 'GateFinished', rolloutId: 'r1', sha: SHA_A, gateId: 'lint', attempt: 1, outcome });
    expect(g.phase).toBe('rejected');
    expect(g.rollout().ended?.reason).toEqual({ code: 'gate_failed', gateId: 'lint' });
    expect(g.sent('ReportToGitHub')[0]?.report).toEqual({ kind: 'gate', gateId: 'lint', status: 'failed' });
  });

  it('gate started records when; a start for another attempt is ignored', () => {
    const g = given().opened();
    g.send({ type: 'GateStarted', rolloutId: 'r1', gateId: 'lint', attempt: 1 }, 1000);
    expect(g.rollout().gates.lint?.startedAt).toBe(g.clock);
    const before = g.state;
    g.send({ type: 'GateStarted', rolloutId: 'r1', gateId: 'lint', attempt: 7 });
    g.send({ type: 'GateStarted', rolloutId: 'r1', gateId: 'unit', attempt: 1 });
    expect(g.state).toBe(before);
  });

  describe('retry only for error gates', () => {
    const error = { status: 'error', summary: 'runner lost', durationMs: 1 } as const;
    const errored = () => {
      const g = given().opened();
      g.send({ type: 'GateFinished', rolloutId: 'r1', sha: SHA_A, gateId: 'lint', attempt: 1, outcome: error });
      return g;
    };

    it('an error holds the rollout (it is not a pass)', () => {
      expect(errored().phase).toBe('reviewing');
    });

    it('a named approver or the author may retry: the gate runs again as attempt 2', () => {
      for (const user of ['UBOB', 'UAUTHOR']) {
        const g = errored();
        g.send({ type: 'RetryRequested', rolloutId: 'r1', user, gateId: 'lint' });
        expect(g.reply).toEqual({ kind: 'accepted', action: 'retry' });
        expect(g.sent('RunGate')).toEqual([
          { type: 'RunGate', rolloutId: 'r1', sha: SHA_A, gateId: 'lint', attempt: 2 },
        ]);
      }
    });

    it('a passed or running gate has nothing to retry', () => {
      const g = given().opened();
      g.send({ type: 'RetryRequested', rolloutId: 'r1', user: 'UBOB', gateId: 'lint' });
      expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'nothing_to_retry' } });
      g.send({ type: 'RetryRequested', rolloutId: 'r1', user: 'UBOB', gateId: 'nope' });
      expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'nothing_to_retry' } });
    });

    it('an outsider may not retry', () => {
      const g = errored();
      g.send({ type: 'RetryRequested', rolloutId: 'r1', user: 'UDAVE', gateId: 'lint' });
      expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'not_named_approver' } });
    });
  });
});

describe('staging and canary rules', () => {
  it('staging, then canary, each claimed with a fresh epoch and an idempotency key', () => {
    const g = given().opened().gatesPassed();
    expect(g.phase).toBe('staging');
    expect(g.sent('StartDeploy')).toEqual([
      {
        type: 'StartDeploy',
        rolloutId: 'r1',
        repo: 'acme/api',
        pr: 7,
        sha: SHA_A,
        stage: 'staging',
        epoch: 1,
        idempotencyKey: 'r1:staging:1',
      },
    ]);
    g.deployed('staging');
    expect(g.phase).toBe('canary');
    expect(g.sent('StartDeploy').map((c) => [c.stage, c.epoch, c.idempotencyKey])).toEqual([
      ['canary', 2, 'r1:canary:2'],
    ]);
  });

  it.each(['staging', 'canary'] as const)('a failed %s deploy fails the rollout', (stage) => {
    const g = given().opened().gatesPassed();
    if (stage === 'canary') g.deployed('staging');
    g.deployed(stage, false);
    expect(g.phase).toBe('failed');
    expect(g.rollout().ended?.reason).toEqual({ code: 'deploy_failed', stage });
  });

  it('a deploy result with a wrong epoch, or twice, is ignored', () => {
    const g = given().opened().gatesPassed();
    const before = g.state;
    g.send({ type: 'DeployFinished', rolloutId: 'r1', stage: 'staging', epoch: 9, ok: true, summary: '' });
    g.send({ type: 'DeployFinished', rolloutId: 'r1', stage: 'canary', epoch: 1, ok: true, summary: '' });
    expect(g.state).toBe(before);
    g.deployed('staging');
    const after = g.state;
    g.send({ type: 'DeployFinished', rolloutId: 'r1', stage: 'staging', epoch: 1, ok: false, summary: '' });
    expect(g.state).toBe(after);
  });

  it('deploy started marks the claim running; a start for another epoch is ignored', () => {
    const g = given().opened().gatesPassed();
    g.send({ type: 'DeployStarted', rolloutId: 'r1', stage: 'staging', epoch: 1 });
    expect(g.rollout().deploys.staging?.status).toBe('running');
    const before = g.state;
    g.send({ type: 'DeployStarted', rolloutId: 'r1', stage: 'staging', epoch: 1 });
    g.send({ type: 'DeployStarted', rolloutId: 'r1', stage: 'canary', epoch: 2 });
    expect(g.state).toBe(before);
  });

  it('the canary deployed is judged, look after look, every watch interval', () => {
    const g = given().opened().gatesPassed().deployed('staging').deployed('canary');
    expect(g.sent('JudgeCanary')).toEqual([{ type: 'JudgeCanary', rolloutId: 'r1', sha: SHA_A, look: 1 }]);
    g.judged('inconclusive');
    expect(g.phase).toBe('canary');
    g.timer('canary_watch', MINUTE);
    expect(g.sent('JudgeCanary').map((c) => c.look)).toEqual([2]);
    g.judged('healthy');
    expect(g.phase).toBe('awaiting_approval');
  });

  it('a verdict for an old look or another SHA is ignored; a verdict before any look too', () => {
    const g = given().opened().gatesPassed().deployed('staging');
    g.send({ type: 'CanaryJudged', rolloutId: 'r1', sha: SHA_A, look: 0, verdict: 'healthy', summary: '' });
    expect(g.rollout().canary.verdict).toBeNull();
    g.deployed('canary').timer('canary_watch', MINUTE);
    g.send({ type: 'CanaryJudged', rolloutId: 'r1', sha: SHA_A, look: 1, verdict: 'healthy', summary: '' });
    g.send({ type: 'CanaryJudged', rolloutId: 'r1', sha: SHA_B, look: 2, verdict: 'healthy', summary: '' });
    expect(g.phase).toBe('canary');
  });

  it('the canary watch does nothing before the canary runs or after production starts', () => {
    const g = given().opened().gatesPassed().deployed('staging');
    g.timer('canary_watch', MINUTE);
    expect(g.commands).toEqual([]);
    g.deployed('canary').judged('inconclusive').deploying();
    g.timer('canary_watch', MINUTE);
    expect(g.types).not.toContain('JudgeCanary');
  });

  it.each([
    ['canary', (g: ReturnType<typeof given>) => g.opened().gatesPassed().deployed('staging').deployed('canary')],
    ['awaiting_approval', (g: ReturnType<typeof given>) => g.awaitingApproval().timer('canary_watch', MINUTE)],
    ['time_locked', (g: ReturnType<typeof given>) => g.timeLocked().timer('canary_watch', MINUTE)],
  ])('an unhealthy canary in %s rejects the rollout and rolls the canary back', (_phase, setup) => {
    const g = setup(given());
    g.judged('unhealthy');
    expect(g.phase).toBe('rejected');
    expect(g.rollout().ended?.reason).toEqual({ code: 'canary_unhealthy' });
    expect(g.sent('StartDeploy').map((c) => c.stage)).toEqual(['rollback']);
  });
});

describe('advisory review rules', () => {
  it('the review is stored for people and shown in the thread, nothing else', () => {
    const g = given().opened();
    const review = { kind: 'advisory', payload: 'APPROVE' } as const;
    g.send({ type: 'AdvisoryReviewFinished', rolloutId: 'r1', sha: SHA_A, review });
    expect(g.rollout().advisory).toBe(review);
    expect(g.types).toEqual(['PostThread', 'PublishCard']);
    expect(g.phase).toBe('reviewing');
  });

  it('a review of another SHA is ignored', () => {
    const g = given().opened();
    const before = g.state;
    g.send({ type: 'AdvisoryReviewFinished', rolloutId: 'r1', sha: SHA_B, review: { kind: 'advisory', payload: 1 } });
    expect(g.state).toBe(before);
  });
});
