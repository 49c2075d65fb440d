import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { startTypeScriptWorker } from '../../process/start-typescript-worker.ts';
import { type InboxDelivery, prepareDelivery, type StoreOutcome } from './create-github-inbox.ts';
import type { WriterData, WriterReply, WriterRequest } from './inbox-writer-protocol.ts';

/** The inbox's `storeAll`, run on the writer thread. */
export interface InboxWriter {
  /** Stores the deliveries in one transaction of the writer thread; resolves once it committed. */
  storeAll(deliveries: readonly InboxDelivery[]): Promise<StoreOutcome[]>;
  /** Waits for the batches in flight, then ends the thread. */
  close(): Promise<void>;
}

/** What the writer is built from. */
export interface InboxWriterOptions {
  /** The database file the bot opened (and migrated): the thread opens its own connection to it. */
  readonly path: string;
  /** The environment the crash points are configured from. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly logger: Logger;
}

interface Waiting {
  readonly count: number;
  readonly resolve: (outcomes: StoreOutcome[]) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Stores GitHub deliveries on a worker thread with its own SQLite connection, so that the insert
 * and the wait for the fsync never hold up the event loop, which also acknowledges Slack clicks
 * (issue 8: on the event loop, the store took more time than the rest of the request). The body is
 * parsed and reduced (`prepareDelivery`) here, before it is posted: on the thread it measured
 * slower. Durability is unchanged: the promise resolves only after the thread's `BEGIN IMMEDIATE`
 * transaction committed with `synchronous=FULL`, and the route answers only then.
 *
 * The thread starts on the first delivery. If it dies, the batches in flight are refused (the route
 * answers 500 and GitHub can redeliver) and the next delivery starts a new thread.
 */
export function startInboxWriter(options: InboxWriterOptions): InboxWriter {
  const data: WriterData = {
    path: options.path,
    env: { SHIPLOCK_CRASH_AT: options.env.SHIPLOCK_CRASH_AT, SHIPLOCK_CRASH_NTH: options.env.SHIPLOCK_CRASH_NTH },
  };
  const waiting = new Map<number, Waiting>();
  let worker: Worker | null = null;
  let nextId = 0;
  let closed = false;
  let drained: (() => void) | null = null;

  const settle = (ids: readonly number[], each: (w: Waiting) => void): void => {
    for (const id of ids) {
      const w = waiting.get(id);
      waiting.delete(id);
      if (w !== undefined) each(w);
    }
    if (waiting.size === 0) {
      worker?.unref();
      drained?.();
    }
  };

  const onReply = (reply: WriterReply): void => {
    if (reply.kind === 'failed') {
      settle(reply.ids, (w) => w.reject(new Error(reply.error)));
      return;
    }
    let at = 0;
    settle(reply.ids, (w) => {
      w.resolve(reply.outcomes.slice(at, at + w.count));
      at += w.count;
    });
  };

  const onGone = (self: Worker, error: Error): void => {
    if (worker !== self) return;
    worker = null;
    if (waiting.size > 0) options.logger.error({ err: error }, 'github inbox writer thread stopped');
    settle([...waiting.keys()], (w) => w.reject(error));
  };

  const spawn = (): Worker => {
    const started = createWorker(data);
    started.on('message', onReply);
    started.on('error', (error) => onGone(started, error));
    started.on('exit', (code) => onGone(started, new Error(`the inbox writer thread exited (code ${code})`)));
    return started;
  };

  return {
    storeAll: (deliveries) =>
      new Promise((resolve, reject) => {
        if (closed) {
          reject(new Error('shiplock: the inbox writer is closed'));
          return;
        }
        const rows = deliveries.map(prepareDelivery);
        worker ??= spawn();
        // The thread keeps the process alive only while it has batches to store.
        worker.ref();
        const id = nextId++;
        waiting.set(id, { count: rows.length, resolve, reject });
        worker.postMessage({ id, rows } satisfies WriterRequest);
      }),
    close: async () => {
      closed = true;
      const running = worker;
      if (running === null) return;
      if (waiting.size > 0) await new Promise<void>((resolve) => (drained = resolve));
      if (worker !== running) return; // it died while its last batches were refused
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.ref();
      running.postMessage('close');
      await exited;
    },
  };
}

/**
 * The thread: the bundled `inbox-writer-worker.js` next to the bundle (`npm start`), or the
 * TypeScript entry when running from the sources.
 */
function createWorker(workerData: WriterData): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./inbox-writer-worker.js', here), { workerData });
  return startTypeScriptWorker(new URL('./inbox-writer-worker.ts', here), { workerData });
}
