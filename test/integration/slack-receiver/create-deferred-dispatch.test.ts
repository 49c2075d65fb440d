import type { ReceiverEvent } from '@slack/bolt';
import type { Logger } from 'pino';
import { describe, expect, it } from 'vitest';
import { createDeferredDispatch, DISPATCH_PACING } from '../../../src/adapters/slack/create-deferred-dispatch.ts';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const body =
  (n: number): (() => Record<string, unknown>) =>
  () => ({ n });

function recordingApp(fail: (n: number) => boolean = () => false, onEvent: (seen: ReceiverEvent[]) => void = () => {}) {
  const seen: ReceiverEvent[] = [];
  const app = {
    processEvent: async (event: ReceiverEvent): Promise<void> => {
      seen.push(event);
      onEvent(seen);
      if (fail(Number(event.body.n))) throw new Error(`listener ${String(event.body.n)} failed`);
    },
  };
  return { app, seen };
}

function recordingLogger() {
  const errors: string[] = [];
  const warnings: string[] = [];
  const logger = {
    error: (_fields: unknown, message: string) => errors.push(message),
    warn: (message: string) => warnings.push(message),
  } as unknown as Logger;
  return { logger, errors, warnings };
}

describe('createDeferredDispatch', () => {
  it('hands nothing to Bolt while clicks keep arriving, then the whole burst once it goes quiet', async () => {
    const { app, seen } = recordingApp();
    const deferred = createDeferredDispatch(app, recordingLogger().logger, {
      perTurn: 8,
      quietMs: 40,
      maxWaitMs: 5_000,
    });
    for (let n = 0; n < 7; n += 1) deferred.dispatch(body(n), {});
    await sleep(20);
    deferred.dispatch(body(7), {}); // the burst goes on: the quiet period starts again
    await sleep(30);
    expect(seen).toHaveLength(0);
    await deferred.idle();
    expect(seen.map((e) => e.body.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('starts after maxWaitMs even if clicks never stop', async () => {
    const { app, seen } = recordingApp();
    const deferred = createDeferredDispatch(app, recordingLogger().logger, { perTurn: 8, quietMs: 20, maxWaitMs: 30 });
    let n = 0;
    while (seen.length === 0 && n < 100) {
      deferred.dispatch(body(n), {});
      n += 1;
      await sleep(5);
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(n).toBeLessThan(100); // 100 clicks 5 ms apart never leave 20 ms of quiet
    await deferred.idle();
  });

  it('hands Bolt at most perTurn bodies per turn of the event loop', async () => {
    let firstTurn = -1;
    const { app, seen } = recordingApp(undefined, (s) => {
      if (s.length === 1)
        setImmediate(() => {
          firstTurn = seen.length;
        });
    });
    const deferred = createDeferredDispatch(app, recordingLogger().logger, { ...DISPATCH_PACING, perTurn: 3 });
    for (let n = 0; n < 7; n += 1) deferred.dispatch(body(n), {});
    await deferred.idle();
    expect(firstTurn).toBe(3);
    expect(seen.map((e) => e.body.n)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('logs and drops a form that turns out not to be a click', async () => {
    const { app, seen } = recordingApp();
    const { logger, warnings } = recordingLogger();
    const deferred = createDeferredDispatch(app, logger);
    deferred.dispatch(() => null, {});
    deferred.dispatch(body(1), {});
    await deferred.idle();
    expect(seen.map((e) => e.body.n)).toEqual([1]);
    expect(warnings).toEqual(['acknowledged Slack form is not a block_actions payload: dropped']);
  });

  it("gives Bolt a no-op ack and Slack's retry headers", async () => {
    const { app, seen } = recordingApp();
    const deferred = createDeferredDispatch(app, recordingLogger().logger);
    deferred.dispatch(body(1), { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' });
    await deferred.idle();
    expect(seen[0]?.retryNum).toBe(2);
    expect(seen[0]?.retryReason).toBe('http_timeout');
    await expect(seen[0]?.ack()).resolves.toBeUndefined();
  });

  it('logs a failed listener once and keeps going', async () => {
    const { app, seen } = recordingApp((n) => n === 1);
    const { logger, errors } = recordingLogger();
    const deferred = createDeferredDispatch(app, logger);
    for (let n = 0; n < 3; n += 1) deferred.dispatch(body(n), {});
    await deferred.idle();
    expect(seen).toHaveLength(3);
    expect(errors).toEqual(['interaction failed after its acknowledgement']);
  });

  it('is idle at once when nothing was queued', async () => {
    const deferred = createDeferredDispatch(recordingApp().app, recordingLogger().logger);
    await expect(deferred.idle()).resolves.toBeUndefined();
  });
});
