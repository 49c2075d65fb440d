/**
 * Canary alerts (issues 3 and 5): a firing alert stops a rollout whose canary is live and rolls the
 * deployed canary back; every alert is stored on the aggregate and published; Acknowledge carries
 * the authorization of an approval — given / when / then.
 */
import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/core/decide.ts';
import type { AlertFacts, Event } from '../../../src/core/types.ts';
import { alertFacts, POLICY, prAt, SHA_B } from '../../support/core-fixtures.ts';
import { given, type Rollouts, T0 } from './driver.ts';

const ALERT = 'a1b2c3d4e5f60718';

function facts(status: 'firing' | 'resolved', overrides: Partial<AlertFacts> = {}): AlertFacts {
  return alertFacts(ALERT, status, T0, overrides);
}

function alert(g: Rollouts, status: 'firing' | 'resolved', overrides: Partial<AlertFacts> = {}): Rollouts {
  g.send({ type: 'CanaryAlertReceived', rolloutId: g.id, alert: facts(status, overrides) });
  return g;
}

function ack(g: Rollouts, user: string, alertId = ALERT): Rollouts {
  g.send({ type: 'AlertAcknowledged', rolloutId: g.id, alertId, user });
  return g;
}

describe('a firing canary alert', () => {
  it.each([
    [
      'canary (deployed, first look asked)',
      (g: Rollouts) => g.opened().gatesPassed().deployed('staging').deployed('canary'),
    ],
    ['awaiting approval', (g: Rollouts) => g.awaitingApproval()],
    ['time lock', (g: Rollouts) => g.timeLocked()],
  ])('in %s cancels the rollout, rolls the canary back and publishes the alert', (_name, reach) => {
    const g = alert(reach(given()), 'firing');
    expect(g.phase).toBe('cancelled');
    expect(g.rollout().ended?.reason).toEqual({ code: 'canary_alert', alertId: ALERT, alertName: 'CanaryFailed' });
    expect(g.types).toEqual(['StartDeploy', 'ReportToGitHub', 'CancelTimers', 'PublishCard', 'PublishAlert']);
    expect(g.sent('StartDeploy')[0]).toMatchObject({ stage: 'rollback' });
    expect(g.state?.alerts).toEqual([
      { ...facts('firing'), rolloutId: 'r1', acknowledgedBy: null, acknowledgedAt: null },
    ]);
  });

  it('while the canary deploy still runs ends the rollout without a rollback (nothing deployed yet)', () => {
    const g = alert(given().opened().gatesPassed().deployed('staging'), 'firing');
    expect(g.phase).toBe('cancelled');
    expect(g.types).toEqual(['CancelTimers', 'PublishCard', 'PublishAlert']);
  });

  it.each([
    ['reviewing', (g: Rollouts) => g.opened()],
    ['staging', (g: Rollouts) => g.opened().gatesPassed()],
    ['verifying', (g: Rollouts) => g.verifying()],
  ])('in %s is stored and published; the phase stays', (phase, reach) => {
    const g = reach(given());
    const before = g.rollout();
    alert(g, 'firing');
    expect(g.phase).toBe(phase);
    expect(g.rollout()).toBe(before);
    expect(g.types).toEqual(['PublishAlert']);
  });

  it('repeated by Alertmanager changes nothing and says nothing', () => {
    const g = alert(given().opened(), 'firing');
    const before = g.state;
    alert(g, 'firing');
    expect(g.state).toBe(before);
    expect(g.commands).toEqual([]);
  });

  it('repeated once the canary is live still stops the rollout (level-triggered on the alert)', () => {
    const g = alert(given().opened(), 'firing').awaitingApproval();
    alert(g, 'firing');
    expect(g.phase).toBe('cancelled');
  });

  it('for an unknown rollout, or before any PR state, is dropped', () => {
    const g = given().opened();
    const before = g.state;
    g.send({ type: 'CanaryAlertReceived', rolloutId: 'nope', alert: facts('firing') });
    expect(g.state).toBe(before);
    expect(g.commands).toEqual([]);
    const event: Event = { type: 'CanaryAlertReceived', at: T0, rolloutId: 'r1', alert: facts('firing') };
    expect(decide(null, event, POLICY)).toEqual({ state: null, commands: [] });
  });

  it('two alerts on one rollout are kept apart: resolving or acknowledging one leaves the other', () => {
    const g = alert(alert(given().opened(), 'firing'), 'firing', { id: 'ffff0000', name: 'P99High' });
    expect(g.state?.alerts?.map((a) => a.id)).toEqual([ALERT, 'ffff0000']);
    alert(g, 'resolved');
    ack(g, 'UBOB', 'ffff0000');
    expect(g.state?.alerts?.map((a) => [a.status, a.acknowledgedBy])).toEqual([
      ['resolved', null],
      ['firing', 'UBOB'],
    ]);
  });

  it('stops only the rollout it names; an older rollout of the PR stays as it was', () => {
    const g = given().opened();
    g.send({ type: 'PullRequestPushed', pr: prAt(SHA_B), rolloutId: 'r2' });
    const old = g.rollout('r1');
    alert(g.awaitingApproval(), 'firing');
    expect(g.rollout('r2').phase).toBe('cancelled');
    expect(g.rollout('r1')).toBe(old);
  });
});

describe('a resolved canary alert', () => {
  it('updates the stored alert after the rollout ended; the finished rollout does not change', () => {
    const g = alert(given().timeLocked(), 'firing');
    const ended = g.rollout();
    alert(g, 'resolved');
    expect(g.rollout()).toBe(ended);
    expect(g.types).toEqual(['PublishAlert']);
    expect(g.state?.alerts?.[0]).toMatchObject({ status: 'resolved', endsAt: T0 + 60_000 });
  });

  it('keeps the acknowledgement; firing again after resolving clears it', () => {
    const g = ack(alert(given().opened(), 'firing'), 'UBOB');
    alert(g, 'resolved');
    expect(g.state?.alerts?.[0]?.acknowledgedBy).toBe('UBOB');
    alert(g, 'firing');
    expect(g.state?.alerts?.[0]).toMatchObject({ status: 'firing', acknowledgedBy: null, acknowledgedAt: null });
  });

  it('with other labels or annotations is a change', () => {
    const g = alert(given().opened(), 'resolved');
    alert(g, 'resolved', { labels: { alertname: 'CanaryFailed', service: 'web' } });
    expect(g.types).toEqual(['PublishAlert']);
    alert(g, 'resolved', { labels: { alertname: 'CanaryFailed', service: 'api' } });
    expect(g.types).toEqual(['PublishAlert']);
    alert(g, 'resolved', { labels: { alertname: 'CanaryFailed', service: 'api' }, annotations: {} });
    expect(g.types).toEqual(['PublishAlert']);
  });
});

describe('alert events are addressed to the rollout: level-triggered like every other event', () => {
  it('a resolved alert notices a reload that removed an approver: the time lock reopens the request', () => {
    const g = given().timeLocked();
    g.policy = { ...POLICY, approvals: { ...POLICY.approvals, approvers: ['UAUTHOR', 'UBOB'] } };
    alert(g, 'resolved');
    expect(g.phase).toBe('awaiting_approval');
    expect(g.types).toEqual(['ScheduleTimer', 'ScheduleTimer', 'PublishCard', 'PublishAlert']);
  });

  it('an Acknowledge after the lock ran out asks for the preflight, accepted or refused', () => {
    const g = alert(given().timeLocked(), 'resolved');
    g.clock += POLICY.timeLockMs;
    ack(g, 'UAUTHOR');
    expect(g.types).toEqual(['ReplyEphemeral', 'RunPreflight', 'PublishCard']);
    expect(g.state?.alerts?.[0]?.acknowledgedBy).toBeNull();
    const h = alert(given().timeLocked(), 'resolved');
    h.clock += POLICY.timeLockMs;
    ack(h, 'UBOB');
    expect(h.types).toEqual(['ReplyEphemeral', 'RunPreflight', 'PublishCard', 'PublishAlert']);
    expect(h.rollout().preflightRunning).toBe(true);
  });
});

describe('Acknowledge: the authorization of an approval', () => {
  it('an eligible approver acknowledges, even after the alert ended the rollout', () => {
    const g = alert(given().timeLocked(), 'firing');
    ack(g, 'UBOB');
    expect(g.reply).toEqual({ kind: 'accepted', action: 'acknowledge' });
    expect(g.types).toEqual(['ReplyEphemeral', 'PublishAlert']);
    expect(g.state?.alerts?.[0]).toMatchObject({ acknowledgedBy: 'UBOB', acknowledgedAt: g.clock });
    expect(g.phase).toBe('cancelled');
  });

  it.each([
    ['the author', 'UAUTHOR', { code: 'author_of_change' }],
    ['a mapped outsider', 'UDAVE', { code: 'not_named_approver' }],
    ['a stranger', 'UNOBODY', { code: 'not_named_approver' }],
  ])('%s is refused, and nothing changes', (_who, user, reason) => {
    const g = alert(given().opened(), 'firing');
    const before = g.state;
    ack(g, user);
    expect(g.reply).toEqual({ kind: 'refused', reason });
    expect(g.state).toBe(before);
  });

  it('a named approver without a GitHub login is refused (identity_unmapped)', () => {
    const policy = {
      ...POLICY,
      approvals: { ...POLICY.approvals, approvers: [...POLICY.approvals.approvers, 'UEVE'] },
    };
    const g = alert(given(policy).opened(), 'firing');
    ack(g, 'UEVE');
    expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'identity_unmapped' } });
  });

  it('a second acknowledgement is refused with who acknowledged first', () => {
    const g = ack(alert(given().opened(), 'firing'), 'UBOB');
    ack(g, 'UCAROL');
    expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'already_acknowledged', by: 'UBOB' } });
  });

  it('an unknown alert or rollout is refused', () => {
    const g = alert(given().opened(), 'firing');
    ack(g, 'UBOB', 'ffff');
    expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'unknown_alert' } });
    const event: Event = { type: 'AlertAcknowledged', at: T0, rolloutId: 'r9', alertId: ALERT, user: 'UBOB' };
    expect(decide(null, event, POLICY).commands).toEqual([
      {
        type: 'ReplyEphemeral',
        rolloutId: 'r9',
        user: 'UBOB',
        reply: { kind: 'refused', reason: { code: 'unknown_rollout' } },
      },
    ]);
  });

  it('on a rollout without any alert is unknown_alert', () => {
    const g = given().opened();
    ack(g, 'UBOB');
    expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'unknown_alert' } });
  });
});
