import { startTypeScriptWorker } from '../../src/adapters/process/start-typescript-worker.ts';
import type { LoadJob, LoadResult, PostedJob } from './load-job.ts';

/** Runs load jobs one at a time on a worker thread. */
export interface LoadClient {
  run(job: Omit<LoadJob, 'id'>): Promise<LoadResult>;
  close(): Promise<void>;
}

/** Starts the load thread. */
export function createLoadClient(): LoadClient {
  const worker = startTypeScriptWorker(new URL('./load-client-worker.ts', import.meta.url));
  let nextId = 0;
  return {
    run: (job) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        const onMessage = (result: LoadResult): void => {
          if (result.id !== id) return;
          worker.off('message', onMessage);
          worker.off('error', reject);
          resolve(result);
        };
        worker.on('message', onMessage);
        worker.once('error', reject);
        worker.postMessage(toPosted({ ...job, id }));
      }),
    close: () => worker.terminate().then(() => undefined),
  };
}

/** The job with each distinct body once (see `PostedJob`). */
export function toPosted(job: LoadJob): PostedJob {
  const index = new Map<string, number>();
  const bodies: string[] = [];
  const requests = job.requests.map((request) => {
    let at = index.get(request.body);
    if (at === undefined) {
      at = bodies.push(request.body) - 1;
      index.set(request.body, at);
    }
    return { ...request, body: at };
  });
  return { id: job.id, url: job.url, concurrency: job.concurrency, bodies, requests };
}
