import type { IncomingHttpHeaders } from 'node:http';
import type { App } from '@slack/bolt';
import type { Logger } from 'pino';

/** Interactions already answered with 200, handed to Bolt's listeners afterwards. */
export interface DeferredDispatch {
  /** Queues an acknowledged body; Bolt sees it once the sockets that are ready have been answered. */
  dispatch(body: Record<string, unknown>, headers: IncomingHttpHeaders): void;
  /** Resolves when every queued body has been through Bolt (its listeners included). */
  idle(): Promise<void>;
}

/**
 * Bodies handed to Bolt per turn of the event loop. Small, so a burst's work (Bolt, then the shell's
 * group commit of what those listeners enqueued) comes in slices with a poll phase — new requests
 * read and acknowledged — between them.
 */
export const DISPATCH_PER_TURN = 8;

const firstHeader = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/**
 * Runs queued bodies through `app.processEvent` from `setImmediate`, i.e. after the event loop's
 * poll phase: every request already readable is acknowledged before any of this work starts
 * (issue 3: "acknowledge first, then work"). The `ack` Bolt's listeners call is a no-op: the 200
 * went out already, and Slack ignores the body of a `block_actions` acknowledgement
 * (https://docs.slack.dev/interactivity/handling-user-interaction).
 */
export function createDeferredDispatch(
  app: Pick<App, 'processEvent'>,
  logger: Logger,
  perTurn = DISPATCH_PER_TURN,
): DeferredDispatch {
  const queued: { body: Record<string, unknown>; headers: IncomingHttpHeaders }[] = [];
  let scheduled = false;
  let running = 0;
  let waiters: (() => void)[] = [];

  const settle = (): void => {
    if (scheduled || running > 0) return;
    const resolve = waiters;
    waiters = [];
    for (const done of resolve) done();
  };

  const run = (body: Record<string, unknown>, headers: IncomingHttpHeaders): void => {
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
    const batch = queued.splice(0, perTurn);
    for (const item of batch) run(item.body, item.headers);
    scheduled = queued.length > 0;
    if (scheduled) setImmediate(drain);
    settle();
  };

  return {
    dispatch(body, headers) {
      queued.push({ body, headers });
      if (scheduled) return;
      scheduled = true;
      setImmediate(drain);
    },
    idle: () =>
      new Promise((resolve) => {
        waiters.push(resolve);
        settle();
      }),
  };
}
