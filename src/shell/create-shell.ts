import { randomInt } from 'node:crypto';
import type { Logger } from 'pino';
import { decide } from '../core/decide.ts';
import { deployOf } from '../core/decide-resolution.ts';
import { isLiveClaim } from '../core/is-live-claim.ts';
import type { Event, Policy, RunGate, StartDeploy } from '../core/types.ts';
import { crashAroundCommand, crashPoint } from './crash-point.ts';
import { executeCommand } from './execute-command.ts';
import { firstToFire } from './first-to-fire.ts';
import type { Clock, OutboxRow, Ports, Store } from './ports.ts';
import { repoOf, routeEvent } from './route-event.ts';
import { toErrorCode, toFailureEvent } from './to-failure-event.ts';

/** What the shell is built from; every piece is injected (tests and the crash harness bring their own). */
export interface ShellOptions {
  readonly store: Store;
  readonly ports: Ports;
  readonly clock: Clock;
  readonly policyFor: (repo: string) => Policy;
  readonly logger: Logger;
  /** Delay before a command whose port failed is tried again (doubles each time). */
  readonly retryBaseMs?: number;
  /** Attempts for a command that cannot fail closed (card, GitHub report) before it is dropped. */
  readonly maxAttempts?: number;
  /** Draws a gate run's seed (tests inject their own); defaults to `crypto.randomInt`. */
  readonly drawSeed?: () => number;
}

/** The imperative shell around `decide`. */
export interface Shell {
  /** Persists the event and its decision in one transaction, then starts the commands. */
  handle(event: Event): void;
  /**
   * Queues the event and records it with whatever else arrived in the same turn of the event loop,
   * in one transaction (one fsync), each event in its own savepoint. For the interactive paths,
   * which acknowledge first: a burst of clicks costs one disk flush, not one each.
   */
  enqueue(event: Event): void;
  /** Fires timers due now: up to `TIMERS_PER_TICK`, deadlines first; the next wake-up fires the rest. */
  tick(): void;
  /** After a start: deploys found started are reported unknown, overdue timers fire, the outbox drains. */
  recover(): void;
  /** Resolves when no command is running or waiting (tests, the demo). */
  idle(): Promise<void>;
  /** Stops the precise timer; running commands finish on their own. */
  stop(): void;
}

/** Done marks wait at most this long for company while other commands are still running. */
const DONE_DELAY_MS = 20;
/** … and no more than this many rows wait. */
const DONE_BATCH = 200;

/**
 * After a timer could not be recorded, the precise wake-up waits this long: the timer is still the
 * earliest due, and waking at once for it would spin. The once-a-second scan keeps trying it.
 */
const FAILED_TIMER_PAUSE_MS = 1000;

/** Builds the shell. Nothing runs until `handle`, `tick` or `recover` is called. */
export function createShell(options: ShellOptions): Shell {
  const { store, ports, clock, policyFor, logger } = options;
  const retryBaseMs = options.retryBaseMs ?? 1000;
  const maxAttempts = options.maxAttempts ?? 5;
  const drawSeed = options.drawSeed ?? (() => randomInt(0, 2 ** 31 - 1));
  const inFlight = new Set<number>();
  const failures = new Map<number, number>();
  const waiting = new Map<number, NodeJS.Timeout>();
  let wakeUp: NodeJS.Timeout | null = null;
  /** No precise wake-up before this time (clock ms): set when a timer could not be recorded. */
  let wakeUpNotBefore = 0;
  let stopped = false;
  let idleWaiters: (() => void)[] = [];
  const queued: Event[] = [];
  let flushScheduled = false;
  /** Rows whose command ended without a result event, waiting to be marked done together. */
  const awaitingDone = new Set<number>();
  let doneTimer: NodeJS.Timeout | null = null;
  let doneImmediate = false;

  /** Decides one event for every aggregate it routes to; `alsoInTx` runs in the same transaction. */
  function commitEvent(event: Event, alsoInTx?: () => boolean): void {
    const keys = routeEvent(store, event);
    if (keys.length === 0) {
      if (alsoInTx) store.transact(() => alsoInTx());
      replyUnknown(event);
      return;
    }
    for (const prKey of keys) {
      store.transact((tx) => {
        if (alsoInTx && !alsoInTx()) return;
        const policy = policyFor(repoOf(prKey));
        const state = tx.loadPullRequest(prKey);
        crashPoint('shell.before_decide');
        const decision = decide(state, event, policy);
        crashPoint('shell.after_decide');
        tx.commit({ prKey, event, policy, before: state, state: decision.state, commands: decision.commands });
      });
      crashPoint('shell.after_commit');
    }
  }

  function flushQueue(): void {
    flushScheduled = false;
    const batch = queued.splice(0);
    try {
      store.transact(() => {
        for (const event of batch) {
          try {
            commitEvent(event); // a savepoint inside the batch's transaction
          } catch (error) {
            const rolloutId = 'rolloutId' in event ? event.rolloutId : undefined;
            logger.error({ err: error, rolloutId, type: event.type }, 'event not recorded');
          }
        }
        markFinished(); // replies that finished meanwhile ride on this fsync
        crashPoint('shell.batch.before_commit');
      });
      awaitingDone.clear();
    } catch (error) {
      logger.error({ err: error, events: batch.length }, 'event batch not recorded');
    }
    crashPoint('shell.batch.after_commit');
    drain();
  }

  function replyUnknown(event: Event): void {
    if (!('user' in event)) return;
    const reply = { kind: 'refused', reason: { code: 'unknown_rollout' } } as const;
    ports.notifier
      .replyEphemeral({ type: 'ReplyEphemeral', rolloutId: event.rolloutId, user: event.user, reply }, null)
      .catch((error: unknown) => logger.warn({ err: error, rolloutId: event.rolloutId }, 'reply failed'));
  }

  function drain(): void {
    if (stopped) return;
    for (const row of store.pendingOutbox(200)) {
      if (inFlight.has(row.id) || waiting.has(row.id) || awaitingDone.has(row.id)) continue;
      inFlight.add(row.id);
      crashPoint('outbox.claimed');
      void run(row).finally(() => {
        inFlight.delete(row.id);
        if (awaitingDone.has(row.id)) return scheduleDoneFlush(); // flushDone drains for the lot
        drain();
        settle();
      });
    }
    armWakeUp();
    settle();
  }

  async function run(row: OutboxRow): Promise<void> {
    const { command } = row;
    if (command.type === 'StartDeploy' && !claimStart(row, command)) return;
    const seed = command.type === 'RunGate' ? recordGateStart(command) : undefined;
    const state = store.loadPullRequest(row.prKey);
    let result: Event | null;
    try {
      crashAroundCommand(command, 'before');
      result = await executeCommand(command, { ports, clock, state, ...(seed === undefined ? {} : { seed }) });
      crashAroundCommand(command, 'after');
    } catch (error) {
      const code = toErrorCode(error);
      logger.error(
        { err: error, rolloutId: 'rolloutId' in command ? command.rolloutId : undefined, code },
        'command failed',
      );
      result = toFailureEvent(command, code, clock.now());
      if (result === null) return retryLater(row);
    }
    failures.delete(row.id);
    const event = result;
    crashPoint(event === null ? 'outbox.before_done' : 'outbox.before_result_commit');
    if (event === null) {
      awaitingDone.add(row.id); // see scheduleDoneFlush
      return;
    }
    commitEvent(event, completes(row.id));
    crashPoint('outbox.after_result_commit');
  }

  /**
   * A burst of replies (one ephemeral answer per click) is marked done in few transactions, few
   * fsyncs: with the next batch of events, once no command is running, or after `DONE_DELAY_MS`.
   * Until then the row is not run again; a crash in between sends it again after the restart, as a
   * crash just before a single mark would. Called once the row's command has settled, so `inFlight`
   * counts the others still running.
   */
  function scheduleDoneFlush(): void {
    // After stop() nothing more is scheduled: a command that finishes late is marked at once.
    if (stopped) return commitDoneMarks();
    if (inFlight.size === 0 || awaitingDone.size >= DONE_BATCH) {
      if (doneTimer !== null) clearTimeout(doneTimer);
      doneTimer = null;
      if (!doneImmediate) setImmediate(flushDone);
      doneImmediate = true;
    } else if (doneTimer === null && !doneImmediate) {
      doneTimer = setTimeout(flushDone, DONE_DELAY_MS);
    }
  }

  /** Marks the waiting rows done in the caller's transaction; the caller forgets them once it commits. */
  function markFinished(): void {
    for (const id of awaitingDone) store.markOutboxDone(id);
  }

  function commitDoneMarks(): void {
    store.transact(markFinished);
    awaitingDone.clear();
  }

  function flushDone(): void {
    if (doneTimer !== null) clearTimeout(doneTimer);
    doneTimer = null;
    doneImmediate = false;
    if (stopped) return; // stop() marked what was waiting
    if (awaitingDone.size > 0) {
      commitDoneMarks();
      crashPoint('outbox.after_done');
      drain();
    }
    settle();
  }

  /**
   * At most once (I2): the fencing epoch must still be the claim's, and `started` commits before the
   * script runs. A crash after this point leaves the row `started`: its outcome is unknown.
   */
  function claimStart(row: OutboxRow, command: StartDeploy): boolean {
    // The core's own fence: the script runs only for a claim whose DeployStarted it would accept.
    const state = store.loadPullRequest(row.prKey);
    const rollout = state?.rollouts.find((r) => r.id === command.rolloutId);
    const deploy = state == null || rollout === undefined ? null : deployOf(state, rollout, command.stage);
    if (deploy === null || !isLiveClaim(deploy, { type: 'DeployStarted', epoch: command.epoch })) {
      logger.warn({ rolloutId: command.rolloutId, epoch: command.epoch }, 'stale deploy claim dropped');
      store.transact(() => store.markOutboxDone(row.id));
      return false;
    }
    const started: Event = { type: 'DeployStarted', at: clock.now(), ...pick(command) };
    crashPoint(`deploy.${command.stage}.before_claim`);
    commitEvent(started, () => {
      store.markOutboxStarted(row.id);
      return true;
    });
    crashPoint(`deploy.${command.stage}.after_claim`);
    return true;
  }

  /** Draws the run's seed and commits it to the audit log (GateStarted) before the gate runs. */
  function recordGateStart(command: RunGate): number {
    const seed = drawSeed();
    const { rolloutId, gateId, attempt } = command;
    commitEvent({ type: 'GateStarted', at: clock.now(), rolloutId, gateId, attempt, seed });
    crashPoint('gate.after_started_commit');
    return seed;
  }

  /** Marks the outbox row done inside the transaction that records its result. */
  function completes(id: number): () => boolean {
    return () => {
      store.markOutboxDone(id);
      return true;
    };
  }

  function retryLater(row: OutboxRow): void {
    const count = (failures.get(row.id) ?? 0) + 1;
    failures.set(row.id, count);
    // Fail closed: production waits for its preflight, and a rollback's freeze is never dropped.
    const keepTrying = row.command.type === 'RunPreflight' || row.command.type === 'FreezeRepository';
    if (!keepTrying && count >= maxAttempts) {
      logger.error({ outboxId: row.id, type: row.command.type }, 'command dropped after repeated failures');
      failures.delete(row.id);
      store.transact(() => store.markOutboxDone(row.id));
      return;
    }
    const delay = Math.min(retryBaseMs * 2 ** (count - 1), 60_000);
    waiting.set(
      row.id,
      setTimeout(() => {
        waiting.delete(row.id);
        drain();
      }, delay),
    );
  }

  /**
   * The timers of one tick fire in one transaction (one fsync), each in its own savepoint: after a
   * restart with thousands of overdue timers, a commit each held the event loop — and `/healthz` —
   * for a quarter of a second per tick. One that cannot be recorded is logged and stays due.
   */
  function tick(): void {
    const now = clock.now();
    const due = firstToFire((kinds, limit) => store.dueTimers(now, limit, kinds));
    if (due.length > 0) {
      store.transact(() => {
        for (const timer of due) {
          const fired: Event = { type: 'TimerFired', at: now, rolloutId: timer.rolloutId, kind: timer.kind };
          crashPoint('timer.due_found');
          try {
            commitEvent(fired, () => store.takeTimer(timer));
          } catch (error) {
            logger.error({ err: error, rolloutId: timer.rolloutId, kind: timer.kind }, 'timer not fired');
            wakeUpNotBefore = now + FAILED_TIMER_PAUSE_MS;
          }
        }
      });
      crashPoint('timer.after_fire_commit');
    }
    drain();
  }

  /** A precise wake-up for the earliest timer, on top of the once-a-second scan. */
  function armWakeUp(): void {
    if (stopped) return;
    if (wakeUp !== null) clearTimeout(wakeUp);
    const due = store.nextTimerDueAt();
    const at = due === null ? null : Math.max(due, wakeUpNotBefore);
    wakeUp = at === null ? null : setTimeout(tick, Math.min(Math.max(0, at - clock.now()), 2 ** 31 - 1));
  }

  function settle(): void {
    if (queued.length > 0 || inFlight.size > 0 || waiting.size > 0 || awaitingDone.size > 0) return;
    if (store.pendingOutbox(1).length > 0) return;
    const due = store.nextTimerDueAt();
    if (!stopped && due !== null && due <= clock.now()) return; // The wake-up ticks it next.
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  return {
    handle(event) {
      commitEvent(event);
      drain();
    },
    enqueue(event) {
      queued.push(event);
      if (flushScheduled) return;
      flushScheduled = true;
      setImmediate(flushQueue);
    },
    tick,
    recover() {
      for (const row of store.startedOutbox()) {
        const command = row.command;
        if (command.type !== 'StartDeploy') {
          store.transact(() => store.markOutboxDone(row.id));
          continue;
        }
        const unknown: Event = { type: 'DeployOutcomeUnknown', at: clock.now(), ...pick(command) };
        logger.error({ rolloutId: command.rolloutId, stage: command.stage }, 'deploy outcome unknown after restart');
        commitEvent(unknown, completes(row.id));
        crashPoint('recover.after_unknown');
      }
      crashPoint('recover.after_scan');
      tick();
    },
    idle() {
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        settle();
      });
    },
    stop() {
      if (queued.length > 0) flushQueue();
      if (awaitingDone.size > 0) commitDoneMarks();
      stopped = true;
      if (doneTimer !== null) clearTimeout(doneTimer);
      if (wakeUp !== null) clearTimeout(wakeUp);
      for (const handle of waiting.values()) clearTimeout(handle);
      waiting.clear();
      settle();
    },
  };
}

function pick(command: StartDeploy): { rolloutId: string; stage: StartDeploy['stage']; epoch: number } {
  return { rolloutId: command.rolloutId, stage: command.stage, epoch: command.epoch };
}
