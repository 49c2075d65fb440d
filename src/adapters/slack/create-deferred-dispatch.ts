import type { IncomingHttpHeaders } from 'node:http';
import type { App } from '@slack/bolt';
import type { Logger } from 'pino';

/** Interactions already answered with 200, handed to Bolt's listeners afterwards. */
export interface DeferredDispatch {
  /**
   * Queues an acknowledged interaction; `read` gives its body (null: not a click after all, logged
   * and dropped). Bolt sees it once the burst it came in has been answered.
   */
  dispatch(read: () => Record<string, unknown> | null, headers: IncomingHttpHeaders): void;
  /** Resolves when every queued body has been through Bolt (its listeners included). */
  idle(): Promise<void>;
}

/** How acknowledged work is paced behind the acknowledgements. */
export interface DispatchPacing {
  /**
   * Bodies handed to Bolt per turn of the event loop. Small, so a burst's work (Bolt, then the
   * shell's group commit of what those listeners enqueued) comes in slices with a poll phase — new
   * requests read and acknowledged — between them.
   */
  readonly perTurn: number;
  /** Work starts once no interaction has arrived for this long… */
  readonly quietMs: number;
  /** …or once the oldest queued interaction has waited this long, whichever comes first. */
  readonly maxWaitMs: number;
}

export const DISPATCH_PACING: DispatchPacing = { perTurn: 8, quietMs: 2, maxWaitMs: 100 };

const firstHeader = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/**
 * Runs queued interactions through `app.processEvent` once the burst they arrived in has gone
 * quiet (at most `maxWaitMs` after the first), then a few per turn from `setImmediate`, i.e. after
 * the event loop's poll phase: every request already readable is acknowledged before any of this
 * work starts (issue 3: "acknowledge first, then work"). A lone click waits `quietMs`, which nobody
 * sees; 250 clicks in flight are all answered before the first of them costs Bolt, the database's
 * fsync and a Web API call. The `ack` Bolt's listeners call is a no-op: the 200 went out already, and
 * Slack ignores the body of a `block_actions` acknowledgement
 * (https://docs.slack.dev/interactivity/handling-user-interaction).
 */
export function createDeferredDispatch(
  app: Pick<App, 'processEvent'>,
  logger: Logger,
  pacing: DispatchPacing = DISPATCH_PACING,
): DeferredDispatch {
  const queued: { read: () => Record<string, unknown> | null; headers: IncomingHttpHeaders }[] = [];
  let scheduled = false;
  let running = 0;
  let waiters: (() => void)[] = [];
  let firstQueuedAt = 0;
  let lastQueuedAt = 0;

  const settle = (): void => {
    if (scheduled || running > 0) return;
    const resolve = waiters;
    waiters = [];
    for (const done of resolve) done();
  };

  const run = (read: () => Record<string, unknown> | null, headers: IncomingHttpHeaders): void => {
    const body = read();
    if (body === null) {
      logger.warn('acknowledged Slack form is not a block_actions payload: dropped');
      return;
    }
    running += 1;
    const retryNum = Number.parseInt(firstHeader(headers['x-slack-retry-num']) ?? '', 10);
    const retryReason = firstHeader(headers['x-slack-retry-reason']);
    app
      .processEvent({
        body,
        ack: async () => undefined,
        ...(Number.isNaN(retryNum) ? {} : { retryNum }),
        ...(retryReason === undefined ? {} : { retryReason }),
      })
      .catch((error: unknown) => logger.error({ err: error }, 'interaction failed after its acknowledgement'))
      .finally(() => {
        running -= 1;
        settle();
      });
  };

  const drain = (): void => {
    const batch = queued.splice(0, pacing.perTurn);
    for (const item of batch) run(item.read, item.headers);
    scheduled = queued.length > 0;
    if (scheduled) setImmediate(drain);
    settle();
  };

  const startWhenQuiet = (): void => {
    const now = performance.now();
    const quietFor = now - lastQueuedAt;
    if (quietFor < pacing.quietMs && now - firstQueuedAt < pacing.maxWaitMs) {
      setTimeout(startWhenQuiet, pacing.quietMs - quietFor);
      return;
    }
    drain();
  };

  return {
    dispatch(read, headers) {
      queued.push({ read, headers });
      lastQueuedAt = performance.now();
      if (scheduled) return;
      scheduled = true;
      firstQueuedAt = lastQueuedAt;
      setTimeout(startWhenQuiet, pacing.quietMs);
    },
    idle: () =>
      new Promise((resolve) => {
        waiters.push(resolve);
        settle();
      }),
  };
}
