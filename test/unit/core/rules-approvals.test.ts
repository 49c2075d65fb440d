/**
 * The approval rules (I4 and the quorum part of I1), as a rulebook: given / when / then.
 */
import { describe, expect, it } from 'vitest';
import { hasQuorum } from '../../../src/core/approvals.ts';
import type { Refusal } from '../../../src/core/types.ts';
import { POLICY, prAt, SHA_A, SHA_B } from '../../support/core-fixtures.ts';
import { given, MINUTE, withApprovals } from './driver.ts';

describe('approval rules', () => {
  it('fail by no approved: without a quorum the lock never starts and production is never asked for', () => {
    const g = given().awaitingApproval().approve('UBOB');
    g.timer('time_lock', 2 * POLICY.timeLockMs);
    expect(g.phase).toBe('awaiting_approval');
    expect(g.types).not.toContain('RunPreflight');
  });

  const refusals: [string, string, Refusal['code']][] = [
    ['author cannot approve', 'UAUTHOR', 'author_of_change'],
    ['an outsider (mapped, not named) cannot approve', 'UDAVE', 'not_named_approver'],
    ['a stranger (neither named nor mapped) cannot approve', 'UNOBODY', 'not_named_approver'],
  ];
  it.each(refusals)('%s', (_rule, user, code) => {
    const g = given().awaitingApproval().approve(user);
    expect(g.reply).toEqual({ kind: 'refused', reason: { code } });
    expect(g.rollout().approvals).toEqual([]);
  });

  it('commit author cannot approve (logins compare case-blind)', () => {
    const g = given(POLICY, (sha) => ({ ...prAt(sha), commitAuthors: ['alice', 'Carol'] })).awaitingApproval();
    g.approve('UCAROL');
    expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'author_of_change' } });
  });

  it('unmapped approver is not eligible: named but with no GitHub login, we cannot tell who they are', () => {
    const g = given(withApprovals({ approvers: ['UBOB', 'UCAROL', 'UMAL'] })).awaitingApproval();
    g.approve('UMAL');
    expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'identity_unmapped' } });
  });

  it('an approver mapped to the author login through a second identity is still the author', () => {
    const policy = { ...POLICY, people: [...POLICY.people, { slack: 'UBOB', github: 'ALICE' }] };
    const g = given(policy).awaitingApproval().approve('UBOB');
    expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'author_of_change' } });
  });

  it('repeated click counts once', () => {
    const g = given().awaitingApproval().approve('UBOB').approve('UBOB');
    expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'already_approved' } });
    expect(g.rollout().approvals.map((a) => a.user)).toEqual(['UBOB']);
    expect(g.phase).toBe('awaiting_approval');
  });

  it('approval on old SHA is stale', () => {
    const g = given().awaitingApproval().approve('UBOB', SHA_B);
    expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'stale_card', currentSha: SHA_A } });
  });

  it('approving before the canary is healthy is refused (wrong phase)', () => {
    const g = given().opened().approve('UBOB');
    expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'wrong_phase', phase: 'reviewing' } });
  });

  it('approvals still count while the lock runs (a third approver is accepted, the lock is not moved)', () => {
    const policy = withApprovals({ approvers: ['UBOB', 'UCAROL', 'UDAVE'] });
    const g = given(policy).timeLocked();
    const unlockAt = g.rollout().unlockAt;
    g.approve('UDAVE', undefined);
    expect(g.reply).toEqual({ kind: 'accepted', action: 'approve' });
    expect(g.rollout().unlockAt).toBe(unlockAt);
  });

  it('the quorum reached starts the time lock', () => {
    const g = given().awaitingApproval().approve('UBOB').approve('UCAROL');
    expect(g.phase).toBe('time_locked');
    expect(g.sent('ScheduleTimer')).toEqual([
      { type: 'ScheduleTimer', rolloutId: 'r1', kind: 'time_lock', dueAt: g.clock + POLICY.timeLockMs },
    ]);
  });

  describe('group seats: one person never fills two seats', () => {
    const groups = [
      { name: 'sre', members: ['UBOB', 'UCAROL'], quorum: 1 },
      { name: 'leads', members: ['UBOB', 'UERIN'], quorum: 1 },
    ];
    const policy = {
      ...withApprovals({ required: 2, approvers: ['UDAVE'], groups }),
      people: [...POLICY.people, { slack: 'UERIN', github: 'erin' }],
    };
    const table: [string, string[], boolean][] = [
      ['bob alone fills one seat', ['UBOB'], false],
      ['bob and dave: bob cannot sit for both groups', ['UBOB', 'UDAVE'], false],
      ['bob and carol: carol sits for sre, bob for leads', ['UBOB', 'UCAROL'], true],
      ['carol and bob (order does not matter)', ['UCAROL', 'UBOB'], true],
      ['carol and dave: nobody sits for leads', ['UCAROL', 'UDAVE'], false],
      ['carol and erin', ['UCAROL', 'UERIN'], true],
    ];
    it.each(table)('%s', (_rule, users, quorum) => {
      const g = given(policy).awaitingApproval();
      for (const u of users) g.approve(u);
      expect(g.phase).toBe(quorum ? 'time_locked' : 'awaiting_approval');
    });

    it('a group needing two seats needs two distinct members', () => {
      const two = { ...policy, approvals: { ...policy.approvals, groups: [{ ...groups[0]!, quorum: 2 }] } };
      expect(hasQuorum(two, ['UBOB', 'UDAVE'])).toBe(false);
      expect(hasQuorum(two, ['UBOB', 'UCAROL'])).toBe(true);
    });

    it('a group with quorum 0 asks for nobody; required 0 still needs one human', () => {
      const none = withApprovals({ required: 0, approvers: ['UBOB'], groups: [{ ...groups[0]!, quorum: 0 }] });
      expect(hasQuorum(none, [])).toBe(false);
      expect(hasQuorum(none, ['UBOB'])).toBe(true);
    });
  });

  describe('reminder lists eligible approvers', () => {
    it('names everyone named and eligible who has not approved yet, sorted', () => {
      const policy = {
        ...withApprovals({
          approvers: ['UCAROL', 'UAUTHOR', 'UBOB', 'UMAL'],
          groups: [{ name: 'sre', members: ['UERIN'], quorum: 0 }],
        }),
        people: [...POLICY.people, { slack: 'UERIN', github: 'erin' }],
      };
      const g = given(policy)
        .awaitingApproval()
        .approve('UBOB')
        .timer('approval_reminder', POLICY.approvals.reminderMs);
      expect(g.sent('PostThread')).toEqual([
        { type: 'PostThread', rolloutId: 'r1', message: { kind: 'approval_reminder', eligible: ['UCAROL', 'UERIN'] } },
      ]);
    });

    it('is not sent once the quorum is reached', () => {
      const g = given().timeLocked().timer('approval_reminder', MINUTE);
      expect(g.commands).toEqual([]);
    });
  });

  describe('approval expiry', () => {
    it('expires an unanswered request after expiryMs, not a moment before', () => {
      const g = given().awaitingApproval();
      g.timer('approval_expiry', POLICY.approvals.expiryMs - 1);
      expect(g.phase).toBe('awaiting_approval');
      g.timer('approval_expiry', 1);
      expect(g.phase).toBe('expired');
      expect(g.rollout().ended?.reason).toEqual({ code: 'approval_expired' });
      expect(g.types).toContain('CancelTimers');
    });

    it('an approval clicked after the expiry, before its timer fired, does not count', () => {
      const g = given().awaitingApproval().approve('UBOB');
      const r = g.rollout();
      g.send({ type: 'ApproveClicked', rolloutId: r.id, user: 'UCAROL', sha: r.pr.sha }, POLICY.approvals.expiryMs);
      expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'already_decided', phase: 'expired' } });
      expect(g.phase).toBe('expired');
      expect(g.rollout().approvals.map((a) => a.user)).toEqual(['UBOB']);
    });

    it('does nothing once the lock runs', () => {
      const g = given().timeLocked().timer('approval_expiry', POLICY.approvals.expiryMs);
      expect(g.phase).toBe('time_locked');
    });
  });

  describe('quorum lost during lock reopens approval', () => {
    it('a reload that un-names an approver sends the rollout back to awaiting approval', () => {
      const g = given().timeLocked();
      g.policy = withApprovals({ approvers: ['UBOB'] });
      g.timer('canary_watch', MINUTE);
      expect(g.phase).toBe('awaiting_approval');
      expect(g.rollout().unlockAt).toBeNull();
      expect(g.sent('ScheduleTimer').map((c) => c.kind)).toEqual(
        expect.arrayContaining(['approval_reminder', 'approval_expiry']),
      );
    });

    it('a redelivered webhook for the same head notices the reload too (every event is level-triggered)', () => {
      const g = given().timeLocked();
      g.policy = withApprovals({ approvers: ['UBOB'] });
      g.send({ type: 'PullRequestOpened', pr: g.rollout().pr, rolloutId: g.id });
      expect(g.phase).toBe('awaiting_approval');
      expect(g.types).toContain('PublishCard');
      const h = given().timeLocked();
      h.policy = withApprovals({ approvers: ['UBOB'] });
      h.send({ type: 'PullRequestPushed', pr: h.rollout().pr, rolloutId: 'r-other' });
      expect(h.phase).toBe('awaiting_approval');
    });

    it('a redelivery under an unchanged policy changes nothing and says nothing', () => {
      const g = given().timeLocked();
      g.send({ type: 'PullRequestOpened', pr: g.rollout().pr, rolloutId: g.id });
      expect(g.phase).toBe('time_locked');
      expect(g.types).toEqual([]);
    });

    it('a quorum that needs an approval given after the lock started locks anew from that approval', () => {
      // Found by the reload property (seed -755470014): the reload un-named carol with no event for
      // the rollout, then dave's approval made a quorum again and the preflight ran at once, on the
      // lock bob and carol had started.
      const g = given().timeLocked();
      const unlockAt = g.rollout().unlockAt;
      g.policy = withApprovals({ approvers: ['UBOB', 'UDAVE'] });
      g.send({ type: 'ApproveClicked', rolloutId: g.id, user: 'UDAVE', sha: g.rollout().pr.sha }, POLICY.timeLockMs);
      expect(g.reply).toEqual({ kind: 'accepted', action: 'approve' });
      expect(g.types).not.toContain('RunPreflight');
      expect(g.phase).toBe('time_locked');
      expect(g.rollout()).toMatchObject({ quorumAt: g.clock, unlockAt: g.clock + POLICY.timeLockMs });
      expect(g.rollout().unlockAt).toBeGreaterThan(unlockAt ?? Number.POSITIVE_INFINITY);
      g.timer('time_lock', POLICY.timeLockMs);
      expect(g.types).toContain('RunPreflight');
    });

    it('a reload between the preflight request and its answer: no production, approval reopens', () => {
      const g = given().unlocked();
      expect(g.types).toContain('RunPreflight');
      g.policy = withApprovals({ approvers: ['UCAROL'] });
      g.preflight();
      expect(g.types).not.toContain('StartDeploy');
      expect(g.phase).toBe('awaiting_approval');
    });
  });
});
