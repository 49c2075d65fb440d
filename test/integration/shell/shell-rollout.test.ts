import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../../src/adapters/db/create-sqlite-store.ts';
import { openDatabase } from '../../../src/adapters/db/open-database.ts';
import { verifyAuditLog } from '../../../src/adapters/db/verify-audit-log.ts';
import { createLogger } from '../../../src/adapters/log/create-logger.ts';
import type { Event, Policy, Rollout } from '../../../src/core/types.ts';
import { createShell, type Shell } from '../../../src/shell/create-shell.ts';
import type { Ports, Store } from '../../../src/shell/ports.ts';
import { createRecordingPorts, type FakeWorld, type PortCall } from '../../fakes/create-recording-ports.ts';
import { POLICY, prAt, SHA_A, SHA_B } from '../../support/core-fixtures.ts';

/** Whole rollouts through the real shell and a real SQLite file, with recording fakes outside. */
const PR_KEY = 'acme/api#7';
const policy: Policy = { ...POLICY, verificationMs: 0 };

let dir: string;
let store: Store;
let now: number;
let shell: Shell;
let world: FakeWorld;
let calls: PortCall[];

function build(overrides: Partial<FakeWorld> = {}, drawSeed?: () => number): void {
  const fakes = createRecordingPorts(overrides);
  world = fakes.world;
  calls = fakes.calls;
  shell = createShell({
    store,
    ports: fakes.ports,
    clock: { now: () => now },
    policyFor: () => policy,
    logger: createLogger('silent'),
    retryBaseMs: 5,
    ...(drawSeed === undefined ? {} : { drawSeed }),
  });
}

/** Stops the shell and starts another on the same store with `ports` (ones the test controls). */
function restartWith(ports: Ports): void {
  shell.stop();
  shell = createShell({
    store,
    ports,
    clock: { now: () => now },
    policyFor: () => policy,
    logger: createLogger('silent'),
  });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shiplock-shell-'));
  store = createSqliteStore(openDatabase(join(dir, 'shiplock.db')));
  now = Date.UTC(2026, 10, 23, 12);
  build();
});

afterEach(() => {
  shell.stop();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function rollout(): Rollout {
  const r = store.loadPullRequest(PR_KEY)?.rollouts.at(-1);
  if (r === undefined) throw new Error('no rollout');
  return r;
}

/** An event without its time: `send` stamps it with the test clock. */
type Untimed<E> = E extends Event ? Omit<E, 'at'> : never;

async function send(event: Untimed<Event>): Promise<void> {
  shell.handle({ ...event, at: now } as Event);
  await shell.idle();
}

async function open(sha = SHA_A, rolloutId = 'r1'): Promise<void> {
  await send({ type: 'PullRequestOpened', pr: prAt(sha), rolloutId });
}

async function approveBoth(): Promise<void> {
  for (const user of ['UBOB', 'UCAROL'])
    await send({ type: 'ApproveClicked', rolloutId: rollout().id, sha: rollout().pr.sha, user });
}

async function passTime(ms: number): Promise<void> {
  now += ms;
  shell.tick();
  await shell.idle();
}

/** Counts the store's outermost transactions (each one fsync) from now on; nested ones are savepoints. */
function countCommits(): () => number {
  let depth = 0;
  let commits = 0;
  const transact = store.transact.bind(store);
  store.transact = (work) => {
    if (depth === 0) commits += 1;
    depth += 1;
    try {
      return transact(work);
    } finally {
      depth -= 1;
    }
  };
  return () => commits;
}

const productionDeploys = (): number =>
  calls.filter((c) => c.port === 'deployer' && c.command?.type === 'StartDeploy' && c.command.stage === 'production')
    .length;

describe('shell: whole rollouts on SQLite', () => {
  it('runs the chain to deployed: gates, staging, canary, approvals, lock, preflight, production, verification', async () => {
    await open();
    expect(rollout().phase).toBe('awaiting_approval');
    await approveBoth();
    expect(rollout().phase).toBe('time_locked');
    await passTime(policy.timeLockMs - 1);
    expect(productionDeploys()).toBe(0);
    await passTime(1);
    expect(rollout().phase).toBe('deployed');
    expect(productionDeploys()).toBe(1);
    expect(calls.filter((c) => c.port === 'gates').map((c) => (c.command as { gateId: string }).gateId)).toEqual([
      'lint',
      'unit',
    ]);
    expect(verifyAuditLog(openDatabase(join(dir, 'shiplock.db'))).ok).toBe(true);
  });

  it('every gate run gets a seed that is in the audit log before the gate runs', async () => {
    let seeds = 41;
    shell.stop();
    build({}, () => ++seeds);
    await open();
    const started = store
      .readEvents(0, 1000)
      .filter((row) => row.event.type === 'GateStarted')
      .map((row) => ({ seq: row.seq, event: row.event }));
    const finished = store.readEvents(0, 1000).filter((row) => row.event.type === 'GateFinished');
    const gateCalls = calls.filter((c) => c.port === 'gates');
    expect(gateCalls.length).toBe(policy.gates.length);
    expect(started.map((s) => ('seed' in s.event ? s.event.seed : null)).sort()).toEqual(
      gateCalls.map((c) => (c.detail as { seed: number }).seed).sort(),
    );
    for (const s of started) {
      const gateId = 'gateId' in s.event ? s.event.gateId : '';
      const done = finished.find((f) => 'gateId' in f.event && f.event.gateId === gateId);
      expect(done?.seq).toBeGreaterThan(s.seq);
    }
  });

  it('a failed gate rejects the rollout and nothing deploys', async () => {
    build({ gate: (id) => ({ status: id === 'unit' ? 'failed' : 'passed', summary: '2 failing', durationMs: 9 }) });
    await open();
    expect(rollout().phase).toBe('rejected');
    expect(calls.some((c) => c.port === 'deployer')).toBe(false);
  });

  it('a gate runner that throws is a gate error, and Retry runs it again', async () => {
    build({ failing: new Set(['gates']) });
    await open();
    expect(rollout().gates.lint?.status).toBe('error');
    expect(rollout().gates.lint?.summary).toBe('shiplock_fake_gates_down');
    world.failing = new Set();
    await send({ type: 'RetryRequested', rolloutId: 'r1', gateId: 'lint', user: 'UBOB' });
    expect(rollout().phase).toBe('awaiting_approval');
  });

  it('a canary judge that throws is inconclusive, never a pass', async () => {
    build({ failing: new Set(['canary']) });
    await open();
    expect(rollout().phase).toBe('canary');
    expect(rollout().canary.verdict).toBe('inconclusive');
  });

  it('an unhealthy canary during the lock stops the rollout and rolls the canary back', async () => {
    await open();
    await approveBoth();
    world.canary = () => 'unhealthy';
    await passTime(policy.canaryWatchMs);
    expect(rollout().phase).toBe('rejected');
    expect(calls.some((c) => c.command?.type === 'StartDeploy' && c.command.stage === 'rollback')).toBe(true);
    await passTime(policy.timeLockMs);
    expect(productionDeploys()).toBe(0);
  });

  it('cancel during the lock: production never starts', async () => {
    await open();
    await approveBoth();
    await send({ type: 'CancelRequested', rolloutId: 'r1', user: 'UCAROL' });
    expect(rollout().phase).toBe('cancelled');
    await passTime(policy.timeLockMs * 2);
    expect(productionDeploys()).toBe(0);
    expect(store.dueTimers(now, 10)).toEqual([]);
  });

  it('a new push supersedes: approvals are void and the new SHA starts over', async () => {
    await open();
    await approveBoth();
    await send({ type: 'PullRequestPushed', pr: prAt(SHA_B), rolloutId: 'r2' });
    const pr = store.loadPullRequest(PR_KEY);
    expect(pr?.rollouts.map((r) => r.phase)).toEqual(['superseded', 'awaiting_approval']);
    expect(rollout().approvals).toEqual([]);
    await passTime(policy.timeLockMs);
    expect(productionDeploys()).toBe(0);
  });

  it('preflight: a head that moved on GitHub cancels instead of deploying', async () => {
    build({
      preflight: () => ({ headSha: SHA_B, canary: 'healthy', freeze: null, windowOpen: true, nextWindowAt: null }),
    });
    await open();
    await approveBoth();
    await passTime(policy.timeLockMs);
    expect(rollout().phase).toBe('cancelled');
    expect(productionDeploys()).toBe(0);
  });

  it('preflight that cannot reach GitHub waits and retries; production starts once it answers', async () => {
    await open();
    await approveBoth();
    world.failing = new Set(['preflight']);
    now += policy.timeLockMs;
    shell.tick();
    await new Promise((r) => setTimeout(r, 30));
    expect(rollout().phase).toBe('time_locked');
    world.failing = new Set();
    await shell.idle();
    expect(rollout().phase).toBe('deployed');
    expect(productionDeploys()).toBe(1);
  });

  it('a failed verification rolls production back automatically', async () => {
    build({ verifyOk: () => false });
    await open();
    await approveBoth();
    await passTime(policy.timeLockMs);
    expect(rollout().phase).toBe('rolled_back');
    expect(rollout().ended?.reason.code).toBe('verification_failed');
  });

  it('a click on a rollout nobody knows gets an ephemeral refusal and stores nothing', async () => {
    await send({ type: 'ApproveClicked', rolloutId: 'nope', sha: SHA_A, user: 'UBOB' });
    const reply = calls.find((c) => c.port === 'replyEphemeral');
    expect(reply?.command).toMatchObject({ reply: { kind: 'refused', reason: { code: 'unknown_rollout' } } });
    expect(store.readEvents(0, 10)).toEqual([]);
  });

  it('after a restart the overdue time lock fires once, and production starts no earlier than the deadline', async () => {
    await open();
    await approveBoth();
    const unlockAt = rollout().unlockAt ?? 0;
    shell.stop();
    now = unlockAt + 10 * 60_000; // down for ten minutes past the deadline
    build();
    shell.recover();
    await shell.idle();
    expect(rollout().phase).toBe('deployed');
    expect(productionDeploys()).toBe(1);
    expect(rollout().deploys.production?.claimedAt).toBeGreaterThanOrEqual(unlockAt);
  });

  it('a production deploy found started after a restart is never re-run: the rollout fails for a human', async () => {
    expect(await productionUnknownAfterRestart()).toBe(true);
    expect(rollout().phase).toBe('failed');
    expect(productionDeploys()).toBe(0);
  });

  /**
   * Production claimed and "the machine dies" while its script runs; the restart finds it unknown.
   * Returns whether the script had started before the "crash".
   */
  async function productionUnknownAfterRestart(): Promise<boolean> {
    await open();
    await approveBoth();
    const fakes = createRecordingPorts();
    let started = false;
    fakes.ports.deployer.deploy = () => {
      started = true;
      return new Promise(() => {}); // the process dies while the script runs
    };
    restartWith(fakes.ports);
    now += policy.timeLockMs;
    shell.tick();
    await new Promise((r) => setTimeout(r, 20));
    shell.stop();
    build();
    shell.recover();
    await shell.idle();
    expect(rollout().ended?.reason).toEqual({ code: 'deploy_outcome_unknown', stage: 'production' });
    return started;
  }

  const rollbackCalls = () =>
    calls.filter((c) => c.port === 'deployer' && c.command?.type === 'StartDeploy' && c.command.stage === 'rollback');
  const answer = () => store.loadPullRequest(PR_KEY)?.resolutions?.[0];

  it('issue #6: Roll back after an unknown production outcome runs the rollback once, through the outbox, and freezes', async () => {
    await productionUnknownAfterRestart();
    const epoch = rollout().epoch + 1;
    await send({ type: 'RollbackRequested', rolloutId: 'r1', user: 'UBOB' });
    await send({ type: 'RollbackRequested', rolloutId: 'r1', user: 'UBOB' });
    expect(rollbackCalls().map((c) => c.command)).toMatchObject([
      { stage: 'rollback', epoch, idempotencyKey: `r1:rollback:${epoch}` },
    ]);
    expect(answer()?.rollback).toMatchObject({ status: 'succeeded', epoch });
    expect(rollout().phase).toBe('failed');
    expect(calls.filter((c) => c.port === 'freezes')).toHaveLength(1);
    expect(calls.some((c) => c.port === 'alertRollbackFailed')).toBe(false);
    expect(productionDeploys()).toBe(0);
    const replies = calls.filter((c) => c.port === 'replyEphemeral').map((c) => c.command);
    expect(replies).toMatchObject([
      { reply: { kind: 'accepted', action: 'rollback' } },
      { reply: { kind: 'refused', reason: { code: 'already_resolved', kind: 'rollback', by: 'UBOB' } } },
    ]);
    expect(verifyAuditLog(openDatabase(join(dir, 'shiplock.db'))).ok).toBe(true);
  });

  it('issue #6: the rollback a human claimed, found started after another restart, is never re-run: frozen and alerted', async () => {
    await productionUnknownAfterRestart();
    const fakes = createRecordingPorts();
    let runs = 0;
    fakes.ports.deployer.deploy = () => {
      runs += 1;
      return new Promise(() => {}); // dies again, this time while the rollback runs
    };
    restartWith(fakes.ports);
    shell.handle({ type: 'RollbackRequested', at: now, rolloutId: 'r1', user: 'UCAROL' });
    await new Promise((r) => setTimeout(r, 20));
    expect(runs).toBe(1);
    expect(answer()?.rollback?.status).toBe('running');
    shell.stop();
    build();
    shell.recover();
    await shell.idle();
    expect(answer()?.rollback?.status).toBe('unknown');
    expect(rollbackCalls()).toHaveLength(0);
    expect(calls.filter((c) => c.port === 'freezes')).toHaveLength(1);
    expect(calls.filter((c) => c.port === 'alertRollbackFailed')).toHaveLength(1);
    await send({ type: 'ProductionConfirmed', rolloutId: 'r1', user: 'UBOB' });
    expect(rollbackCalls()).toHaveLength(0);
    expect(answer()?.kind).toBe('rollback');
  });

  it('issue #6: Production is fine after an unknown production outcome deploys nothing and freezes nothing', async () => {
    await productionUnknownAfterRestart();
    await send({ type: 'ProductionConfirmed', rolloutId: 'r1', user: 'UBOB' });
    await send({ type: 'RollbackRequested', rolloutId: 'r1', user: 'UCAROL' });
    expect(answer()).toMatchObject({ kind: 'confirmed', by: 'UBOB', rollback: null });
    expect(calls.filter((c) => c.port === 'deployer')).toHaveLength(0);
    expect(calls.filter((c) => c.port === 'freezes')).toHaveLength(0);
    expect(verifyAuditLog(openDatabase(join(dir, 'shiplock.db'))).ok).toBe(true);
  });

  it('enqueue records a burst in one transaction; an event that cannot be stored is skipped alone', async () => {
    await open();
    const before = store.readEvents(0, 1000).length;
    const r = rollout();
    shell.enqueue({ type: 'ApproveClicked', at: now, rolloutId: r.id, sha: r.pr.sha, user: 'UBOB' });
    // A fractional time is refused by the STRICT events table: this event's savepoint rolls back.
    shell.enqueue({ type: 'ApproveClicked', at: now + 0.5, rolloutId: r.id, sha: r.pr.sha, user: 'UDAVE' });
    shell.enqueue({ type: 'ApproveClicked', at: now, rolloutId: r.id, sha: r.pr.sha, user: 'UCAROL' });
    expect(store.readEvents(0, 1000).length).toBe(before); // nothing before the flush
    await shell.idle();
    const types = store.readEvents(before, 1000).map((e) => ('user' in e.event ? e.event.user : e.event.type));
    expect(types).toEqual(['UBOB', 'UCAROL']);
    expect(rollout().phase).toBe('time_locked');
  });

  it('a burst of refusals is answered once each and marked done in one commit, not one per reply', async () => {
    await open();
    const r = rollout();
    const commits = countCommits();
    const outsiders = Array.from({ length: 30 }, (_, i) => `UOUT${i}`);
    for (const user of outsiders)
      shell.enqueue({ type: 'ApproveClicked', at: now, rolloutId: r.id, sha: r.pr.sha, user });
    await shell.idle();
    const replied = calls.map((c) => (c.command?.type === 'ReplyEphemeral' ? c.command.user : null)).filter(Boolean);
    expect(replied.sort()).toEqual([...outsiders].sort());
    expect(store.pendingOutbox(100)).toEqual([]);
    expect(commits()).toBe(2); // the 30 clicks, then the 30 replies' done marks
  });

  it('replies that finish while another command runs are marked done without waiting for it', async () => {
    await open();
    const r = rollout();
    const fakes = createRecordingPorts();
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const replyEphemeral = fakes.ports.notifier.replyEphemeral;
    restartWith({
      ...fakes.ports,
      notifier: {
        ...fakes.ports.notifier,
        replyEphemeral: async (command, card) => {
          if (command.user === 'USLOW') await held;
          return replyEphemeral(command, card);
        },
      },
    });
    for (const user of ['USLOW', 'UOUT1', 'UOUT2', 'UOUT3'])
      shell.enqueue({ type: 'ApproveClicked', at: now, rolloutId: r.id, sha: r.pr.sha, user });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const waiting = store.pendingOutbox(100).map((row) => ('user' in row.command ? row.command.user : null));
    expect(waiting).toEqual(['USLOW']);
    release();
    await shell.idle();
    expect(store.pendingOutbox(100)).toEqual([]);
    expect(fakes.calls.filter((c) => c.port === 'replyEphemeral')).toHaveLength(4);
  });

  it('a tick fires every due timer in one commit; one that cannot be recorded stays due, the others fire', async () => {
    const numbers = [7, 8, 9];
    const keyOf = (n: number): string => `acme/api#${n}`;
    const last = (n: number): Rollout => {
      const r = store.loadPullRequest(keyOf(n))?.rollouts.at(-1);
      if (r === undefined) throw new Error(`no rollout on #${n}`);
      return r;
    };
    for (const n of numbers) {
      const pr = { ...prAt(SHA_A), number: n, url: `https://github.com/acme/api/pull/${n}` };
      await send({ type: 'PullRequestOpened', pr, rolloutId: `r${n}` });
      for (const user of ['UBOB', 'UCAROL'])
        await send({ type: 'ApproveClicked', rolloutId: `r${n}`, sha: SHA_A, user });
    }
    expect(numbers.map((n) => last(n).phase)).toEqual(['time_locked', 'time_locked', 'time_locked']);
    now = Math.max(...numbers.map((n) => last(n).unlockAt ?? 0)) + 1;
    const commits = countCommits();
    const takeTimer = store.takeTimer.bind(store);
    store.takeTimer = (timer) => {
      if (timer.rolloutId === 'r8') throw new Error('disk says no');
      return takeTimer(timer);
    };
    shell.tick();
    expect(commits()).toBe(1); // counted before the commands the timers started run
    store.takeTimer = takeTimer;
    const fired = store
      .readEvents(0, 10_000)
      .flatMap((e) => (e.event.type === 'TimerFired' ? [e.event.rolloutId] : []));
    expect([...new Set(fired)]).toEqual(['r7', 'r9']); // each its time lock, then its canary look
    expect(new Set(store.dueTimers(now, 10).map((t) => t.rolloutId))).toEqual(new Set(['r8'])); // the next tick fires it
    await shell.idle();
    expect(numbers.map((n) => last(n).phase)).toEqual(['deployed', 'deployed', 'deployed']);
  });

  it('a time lock due behind 600 looks (more than one read of due timers) fires in the first tick', async () => {
    await open(SHA_A, 'r1');
    for (const user of ['UBOB', 'UCAROL']) await send({ type: 'ApproveClicked', rolloutId: 'r1', sha: SHA_A, user });
    const unlockAt = rollout().unlockAt ?? 0;
    expect(rollout().phase).toBe('time_locked');
    // Looks of rollouts long replaced, all due before the lock: as after a restart with many canaries.
    const raw = openDatabase(join(dir, 'shiplock.db'));
    const insert = raw.prepare(
      "INSERT INTO timers (rollout_id, kind, pr_key, due_at) VALUES (?, 'canary_watch', ?, ?)",
    );
    raw.transaction(() => {
      for (let i = 0; i < 600; i += 1) insert.run(`old-${i}`, PR_KEY, unlockAt - 60_000 + i);
    })();
    raw.close();
    now = unlockAt + 1;
    shell.tick();
    const fired = store.readEvents(0, 10_000).flatMap((e) => (e.event.type === 'TimerFired' ? [e.event] : []));
    expect(fired.filter((e) => e.kind === 'time_lock').map((e) => e.rolloutId)).toEqual(['r1']);
    await shell.idle();
    expect(rollout().phase).toBe('deployed');
  });

  it('a timer that keeps failing is retried by the scan, not by a wake-up that spins', async () => {
    const pr = { ...prAt(SHA_A), number: 11, url: 'https://github.com/acme/api/pull/11' };
    await send({ type: 'PullRequestOpened', pr, rolloutId: 'r11' });
    for (const user of ['UBOB', 'UCAROL']) await send({ type: 'ApproveClicked', rolloutId: 'r11', sha: SHA_A, user });
    const locked = store.loadPullRequest('acme/api#11')?.rollouts.at(-1);
    expect(locked?.phase).toBe('time_locked');
    now = (locked?.unlockAt ?? 0) + 1;
    const takeTimer = store.takeTimer.bind(store);
    let attempts = 0;
    store.takeTimer = (timer) => {
      if (timer.rolloutId !== 'r11') return takeTimer(timer);
      attempts += 1;
      throw new Error('disk says no');
    };
    shell.tick();
    const tried = attempts;
    expect(tried).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(attempts).toBe(tried); // a wake-up at the (past) due time would have retried it every turn
    store.takeTimer = takeTimer;
    now += 1000; // the scan's next tick, a second later, records it
    shell.tick();
    expect(store.dueTimers(now, 10).filter((t) => t.rolloutId === 'r11' && t.kind === 'time_lock')).toEqual([]);
    await shell.idle();
    expect(store.loadPullRequest('acme/api#11')?.rollouts.at(-1)?.phase).toBe('deployed');
  });

  it('a done mark still scheduled when the shell stops is written by stop(), and nothing touches the store after', async () => {
    await open();
    const r = rollout();
    shell.enqueue({ type: 'ApproveClicked', at: now, rolloutId: r.id, sha: r.pr.sha, user: 'UOUTSIDER' });
    await new Promise((resolve) => setImmediate(resolve)); // committed, replied; its done mark waits a turn
    expect(store.pendingOutbox(10).map((row) => row.command.type)).toEqual(['ReplyEphemeral']);
    shell.stop();
    expect(store.pendingOutbox(10)).toEqual([]);
    store.close(); // as the bot does on SIGTERM: the mark's turn comes after this
    await new Promise((resolve) => setTimeout(resolve, 50));
    store = createSqliteStore(openDatabase(join(dir, 'shiplock.db'))); // for afterEach
    build();
  });
});
