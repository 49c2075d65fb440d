import { decide } from '../../../src/core/decide.ts';
import type { Event, Policy, PullRequestInfo } from '../../../src/core/types.ts';
import { type PrKey, type Store, toPrKey } from '../../../src/shell/ports.ts';
import { POLICY } from '../../support/core-fixtures.ts';
import { resultsOf, type TrackedPr } from './command-results.ts';
import { createRandom } from './seeded-random.ts';

/** The second policy the log switches to half-way (a config reload). */
export const POLICY_RELOADED: Policy = {
  ...POLICY,
  timeLockMs: 5 * 60_000,
  approvals: { ...POLICY.approvals, required: 1 },
};

/** What a scenario committed. */
export interface ScenarioStats {
  readonly committed: number;
  readonly redeliveries: number;
  readonly byType: Readonly<Record<string, number>>;
  readonly now: number;
}

const USERS = ['UAUTHOR', 'UBOB', 'UCAROL', 'UDAVE', 'UEVE'];

/**
 * Drives the real `decide()` like the shell does: outside events (GitHub, Slack, timers) and the
 * results of performed outbox commands, each committed through `store.transact`, until `events`
 * events are in the log. Seeded, so a log can be rebuilt exactly.
 */
export function driveScenario(
  store: Store,
  options: { readonly seed: number; readonly events: number },
): ScenarioStats {
  const rnd = createRandom(options.seed);
  const prs: TrackedPr[] = [];
  const byType: Record<string, number> = {};
  let t = Date.UTC(2025, 0, 6, 9);
  let committed = 0;
  let redeliveries = 0;
  let deliveryIds = 0;
  const tick = (): number => {
    t += 500 + rnd.int(20_000);
    return t;
  };
  const policyNow = (): Policy => (committed < options.events / 2 ? POLICY : POLICY_RELOADED);

  const commit = (prKey: PrKey, event: Event, delivery?: string): void => {
    const policy = policyNow();
    const done = store.transact((tx) => {
      if (delivery !== undefined && !tx.markDelivered('github', delivery, event.at)) return false;
      const before = tx.loadPullRequest(prKey);
      const d = decide(before, event, policy);
      tx.commit({ prKey, event, policy, before, state: d.state, commands: d.commands });
      return true;
    });
    if (!done) redeliveries += 1;
    else {
      committed += 1;
      byType[event.type] = (byType[event.type] ?? 0) + 1;
    }
  };
  const fromGitHub = (prKey: PrKey, event: Event): void => {
    const redeliver = deliveryIds > 0 && rnd.chance(0.05);
    commit(prKey, event, `d-${redeliver ? 1 + rnd.int(deliveryIds) : ++deliveryIds}`);
  };
  const info = (pr: TrackedPr): PullRequestInfo => ({
    repo: pr.repo,
    number: pr.number,
    sha: pr.head,
    title: `Change ${pr.number}`,
    author: 'alice',
    commitAuthors: pr.number % 3 === 0 ? ['alice', 'dave'] : ['alice'],
    url: `https://github.com/${pr.repo}/pull/${pr.number}`,
  });
  const newHead = (pr: TrackedPr): void => {
    pr.pushes += 1;
    pr.head = `${pr.number.toString(16).padStart(8, '0')}${pr.pushes.toString(16).padStart(32, '0')}`;
  };
  const rolloutId = (pr: TrackedPr): string => `ro-${pr.repo}-${pr.number}-${pr.pushes}-${t}`;

  const openPr = (): void => {
    const pr: TrackedPr = { repo: rnd.pick(['acme/api', 'acme/web']), number: prs.length + 1, head: '', pushes: 0 };
    prs.push(pr);
    newHead(pr);
    fromGitHub(toPrKey(pr.repo, pr.number), {
      type: 'PullRequestOpened',
      at: tick(),
      pr: info(pr),
      rolloutId: rolloutId(pr),
    });
  };
  const outsideEvent = (pr: TrackedPr): void => {
    const prKey = toPrKey(pr.repo, pr.number);
    const roll = rnd.next();
    if (roll < 0.45) {
      newHead(pr);
      fromGitHub(prKey, { type: 'PullRequestPushed', at: tick(), pr: info(pr), rolloutId: rolloutId(pr) });
    } else if (roll < 0.7) {
      fromGitHub(prKey, { type: 'PullRequestClosed', at: tick(), repo: pr.repo, number: pr.number });
    } else if (roll < 0.9) {
      fromGitHub(prKey, { type: 'PullRequestOpened', at: tick(), pr: info(pr), rolloutId: rolloutId(pr) });
    } else {
      const freeze = rnd.chance(0.5) ? { reason: 'incident', by: 'UBOB', at: t } : null;
      const at = tick();
      for (const key of store.listOpenPrKeys(pr.repo))
        commit(key, { type: 'FreezeChanged', at, repo: pr.repo, freeze });
    }
  };
  const humanAction = (pr: TrackedPr): void => {
    const prKey = toPrKey(pr.repo, pr.number);
    const rollouts = store.loadPullRequest(prKey)?.rollouts ?? [];
    const rollout = rnd.chance(0.9) ? rollouts.at(-1) : rollouts[rnd.int(rollouts.length)];
    if (rollout === undefined) return;
    const base = { at: tick(), rolloutId: rollout.id, user: rnd.pick(USERS) };
    const roll = rnd.next();
    if (roll < 0.88) commit(prKey, { ...base, type: 'ApproveClicked', sha: rollout.pr.sha });
    else if (roll < 0.9) commit(prKey, { ...base, type: 'RejectSubmitted', sha: rollout.pr.sha, reason: 'not now' });
    else if (roll < 0.93) commit(prKey, { ...base, type: 'CancelRequested' });
    else if (roll < 0.95) commit(prKey, { ...base, type: 'RollbackRequested' });
    else commit(prKey, { ...base, type: 'RetryRequested', gateId: rnd.pick(['lint', 'unit']) });
  };
  const fireTimer = (): void => {
    const next = store.nextTimerDueAt();
    if (next === null) return;
    t = Math.max(t + 1, next);
    for (const timer of store.dueTimers(t, 1)) {
      if (store.takeTimer(timer)) {
        commit(timer.prKey, { type: 'TimerFired', at: t, rolloutId: timer.rolloutId, kind: timer.kind });
      }
    }
  };
  const performOutbox = (): void => {
    for (const row of store.pendingOutbox(8)) {
      store.markOutboxStarted(row.id);
      for (const event of resultsOf(
        row.command,
        { rnd, tick, prs },
        store.loadPullRequest(row.prKey)?.freeze ?? null,
      )) {
        commit(row.prKey, event);
      }
      store.markOutboxDone(row.id);
    }
  };

  /** Humans mostly click on cards that ask them to. */
  const awaitingApproval = (): TrackedPr | undefined => {
    const waiting = prs.filter(
      (pr) => store.loadPullRequest(toPrKey(pr.repo, pr.number))?.rollouts.at(-1)?.phase === 'awaiting_approval',
    );
    return waiting.length > 0 && rnd.chance(0.8) ? rnd.pick(waiting) : undefined;
  };

  for (let guard = 0; committed < options.events && guard < options.events * 50; guard += 1) {
    const roll = rnd.next();
    const open = prs.length < 3 || (prs.length < 25 && roll < 0.015);
    if (open) openPr();
    else if (roll < 0.66) performOutbox();
    else if (roll < 0.78) fireTimer();
    else if (roll < 0.93) humanAction(awaitingApproval() ?? rnd.pick(prs));
    else if (roll < 0.99) outsideEvent(rnd.pick(prs));
    else commit('acme/api#9999', { type: 'PullRequestClosed', at: tick(), repo: 'acme/api', number: 9999 });
  }
  return { committed, redeliveries, byType, now: t };
}
