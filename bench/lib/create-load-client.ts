import { startTypeScriptWorker } from '../../src/adapters/process/start-typescript-worker.ts';
import type { LoadJob, LoadResult } from './load-job.ts';

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
        worker.postMessage({ ...job, id });
      }),
    close: () => worker.terminate().then(() => undefined),
  };
}
