/**
 * A pull request's life: pushes supersede, closing cancels, reopening starts again, finished
 * rollouts absorb everything, and corrupt input is a bug, not a guess — given / when / then.
 */
import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/core/decide.ts';
import type { Event, PullRequestState } from '../../../src/core/types.ts';
import { POLICY, prAt, SHA_A, SHA_B } from '../../support/core-fixtures.ts';
import { given, T0 } from './driver.ts';

describe('push, close and reopen rules', () => {
  it('new push supersedes and voids approvals', () => {
    const g = given().awaitingApproval().approve('UBOB');
    g.send({ type: 'PullRequestPushed', pr: prAt(SHA_B), rolloutId: 'r2' });
    const old = g.rollout('r1');
    expect(old.phase).toBe('superseded');
    expect(old.ended?.reason).toEqual({ code: 'superseded_by', rolloutId: 'r2', sha: SHA_B });
    expect(g.types.slice(0, 3)).toEqual(['CancelTimers', 'PostThread', 'PublishCard']);
    expect(g.rollout('r2')).toMatchObject({ phase: 'reviewing', approvals: [], pr: { sha: SHA_B } });
    g.send({ type: 'ApproveClicked', rolloutId: 'r1', user: 'UCAROL', sha: SHA_A });
    expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'stale_card', currentSha: SHA_B } });
  });

  it('a push while production runs does not supersede it; the new head starts its own rollout', () => {
    const g = given().deploying();
    g.send({ type: 'PullRequestPushed', pr: prAt(SHA_B), rolloutId: 'r2' });
    expect(g.rollout('r1').phase).toBe('deploying');
    expect(g.rollout('r2').phase).toBe('reviewing');
  });

  it('the same head again, or the same rollout id again, is a redelivery: nothing happens', () => {
    const g = given().opened();
    const before = g.state;
    g.send({ type: 'PullRequestOpened', pr: prAt(SHA_A), rolloutId: 'r9' });
    expect(g.state).toEqual(before);
    expect(g.commands).toEqual([]);
    g.send({ type: 'PullRequestPushed', pr: prAt(SHA_B), rolloutId: 'r1' });
    expect(g.state).toEqual(before);
    expect(g.commands).toEqual([]);
  });

  it('closed PR cancels pre-production', () => {
    const g = given().timeLocked();
    g.send({ type: 'PullRequestClosed', repo: 'acme/api', number: 7 });
    expect(g.phase).toBe('cancelled');
    expect(g.rollout().ended?.reason).toEqual({ code: 'pr_closed' });
    expect(g.state?.closed).toBe(true);
  });

  it('closing leaves production in flight and finished rollouts alone', () => {
    const g = given().deploying();
    g.send({ type: 'PullRequestClosed', repo: 'acme/api', number: 7 });
    expect(g.phase).toBe('deploying');
    expect(g.types).toEqual([]);
  });

  it('reopened PR starts a new rollout, even for the same head', () => {
    const g = given().awaitingApproval();
    g.send({ type: 'PullRequestClosed', repo: 'acme/api', number: 7 });
    g.send({ type: 'PullRequestOpened', pr: prAt(SHA_A), rolloutId: 'r2' });
    expect(g.state?.closed).toBe(false);
    expect(g.rollout('r1').phase).toBe('cancelled');
    expect(g.rollout('r2').phase).toBe('reviewing');
  });

  it('events for a PR nobody has seen change nothing', () => {
    const none: Event[] = [
      { type: 'PullRequestClosed', repo: 'acme/api', number: 7, at: T0 },
      { type: 'FreezeChanged', repo: 'acme/api', freeze: null, at: T0 },
      { type: 'TimerFired', rolloutId: 'r1', kind: 'time_lock', at: T0 },
    ];
    for (const e of none) expect(decide(null, e, POLICY)).toEqual({ state: null, commands: [] });
  });

  it('a freeze is recorded on the PR whatever the phase', () => {
    const g = given().opened();
    const freeze = { reason: 'release', by: 'UBOB', at: T0 };
    g.send({ type: 'FreezeChanged', repo: 'acme/api', freeze });
    expect(g.state?.freeze).toEqual(freeze);
    expect(g.commands).toEqual([]);
  });
});

describe('finished rollouts absorb every event (I5)', () => {
  it('a human action on a finished rollout is answered with its ending, nothing else', () => {
    const g = given().timeLocked().cancel('UBOB');
    const before = g.state;
    for (const user of ['UBOB', 'UDAVE']) {
      g.approve(user);
      expect(g.reply).toEqual({ kind: 'refused', reason: { code: 'already_decided', phase: 'cancelled' } });
      expect(g.state).toBe(before);
    }
  });

  it('a machine event on a finished rollout changes nothing and says nothing', () => {
    const g = given().verifying().verified(true);
    const before = g.state;
    g.deployed('rollback');
    g.timer('verification');
    g.send({ type: 'DeployOutcomeUnknown', rolloutId: 'r1', stage: 'production', epoch: 3 });
    expect(g.state).toBe(before);
    expect(g.commands).toEqual([]);
  });

  it('a human action on an unknown rollout is refused; a machine event for one is dropped', () => {
    const g = given().opened();
    g.send({ type: 'CancelRequested', rolloutId: 'nope', user: 'UBOB' });
    expect(g.commands).toEqual([
      {
        type: 'ReplyEphemeral',
        rolloutId: 'nope',
        user: 'UBOB',
        reply: { kind: 'refused', reason: { code: 'unknown_rollout' } },
      },
    ]);
    expect(
      decide(null, { type: 'CancelRequested', rolloutId: 'r1', user: 'UBOB', at: T0 }, POLICY).commands,
    ).toHaveLength(1);
  });
});

describe('bugs are not guessed around', () => {
  it('an event type the core does not know is a bug: it throws', () => {
    const bogus = { type: 'PullRequestMerged', at: T0 } as unknown as Event;
    expect(() => decide(null, bogus, POLICY)).toThrow(/unhandled case/);
  });

  it('a snapshot with a phase the core does not know is a bug: it throws', () => {
    const g = given().opened();
    const state = g.state as PullRequestState;
    const corrupt = {
      ...state,
      rollouts: [{ ...state.rollouts[0]!, phase: 'shipping' }],
    } as unknown as PullRequestState;
    expect(() => decide(corrupt, { type: 'TimerFired', rolloutId: 'r1', kind: 'time_lock', at: T0 }, POLICY)).toThrow(
      /unhandled case/,
    );
  });

  it('a rollback in a snapshot without its reason fails closed: a human must look', () => {
    const g = given().verifying().verified(false);
    const state = g.state as PullRequestState;
    const corrupt = { ...state, rollouts: [{ ...state.rollouts[0]!, rollbackReason: null }] };
    const epoch = state.rollouts[0]!.epoch;
    const d = decide(
      corrupt,
      { type: 'DeployFinished', rolloutId: 'r1', stage: 'rollback', epoch, ok: true, summary: '', at: T0 },
      POLICY,
    );
    expect(d.state?.rollouts[0]?.phase).toBe('failed');
  });
});
