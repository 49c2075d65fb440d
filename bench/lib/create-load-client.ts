import { Worker } from 'node:worker_threads';
import type { LoadJob, LoadResult } from './load-job.ts';

/** Runs load jobs one at a time on a worker thread. */
export interface LoadClient {
  run(job: Omit<LoadJob, 'id'>): Promise<LoadResult>;
  close(): Promise<void>;
}

/**
 * Starts the load thread. On Node 20, tsx's loader hooks do not reach worker threads (nor does
 * `--import tsx` in `execArgv`), so a small bootstrap loads the TypeScript worker through tsx's API.
 */
export function createLoadClient(): LoadClient {
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./load-client-worker.ts', import.meta.url).href);
  const bootstrap = `import(${api}).then(({ tsImport }) => tsImport(${entry}, ${entry}));`;
  const worker = new Worker(bootstrap, { eval: true });
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
