import type { ReceiverEvent } from '@slack/bolt';
import type { Logger } from 'pino';
import { describe, expect, it } from 'vitest';
import { createDeferredDispatch } from '../../../src/adapters/slack/create-deferred-dispatch.ts';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function recordingApp(fail: (n: number) => boolean = () => false) {
  const seen: ReceiverEvent[] = [];
  const app = {
    processEvent: async (event: ReceiverEvent): Promise<void> => {
      seen.push(event);
      if (fail(Number(event.body.n))) throw new Error(`listener ${String(event.body.n)} failed`);
    },
  };
  return { app, seen };
}

function recordingLogger() {
  const errors: string[] = [];
  const logger = { error: (_fields: unknown, message: string) => errors.push(message) } as unknown as Logger;
  return { logger, errors };
}

describe('createDeferredDispatch', () => {
  it('hands nothing to Bolt in the turn a click is queued, then at most perTurn bodies per turn', async () => {
    const { app, seen } = recordingApp();
    const deferred = createDeferredDispatch(app, recordingLogger().logger, 3);
    for (let n = 0; n < 7; n += 1) deferred.dispatch({ n }, {});
    expect(seen).toHaveLength(0);
    await turn();
    expect(seen.map((e) => e.body.n)).toEqual([0, 1, 2]);
    await turn();
    expect(seen.map((e) => e.body.n)).toEqual([0, 1, 2, 3, 4, 5]);
    await deferred.idle();
    expect(seen.map((e) => e.body.n)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("gives Bolt a no-op ack and Slack's retry headers", async () => {
    const { app, seen } = recordingApp();
    const deferred = createDeferredDispatch(app, recordingLogger().logger);
    deferred.dispatch({ n: 1 }, { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' });
    await deferred.idle();
    expect(seen[0]?.retryNum).toBe(2);
    expect(seen[0]?.retryReason).toBe('http_timeout');
    await expect(seen[0]?.ack()).resolves.toBeUndefined();
  });

  it('logs a failed listener once and keeps going', async () => {
    const { app, seen } = recordingApp((n) => n === 1);
    const { logger, errors } = recordingLogger();
    const deferred = createDeferredDispatch(app, logger);
    for (let n = 0; n < 3; n += 1) deferred.dispatch({ n }, {});
    await deferred.idle();
    expect(seen).toHaveLength(3);
    expect(errors).toEqual(['interaction failed after its acknowledgement']);
  });

  it('is idle at once when nothing was queued', async () => {
    const deferred = createDeferredDispatch(recordingApp().app, recordingLogger().logger);
    await expect(deferred.idle()).resolves.toBeUndefined();
  });
});
