import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on a TypeScript module. On Node 20, tsx's loader hooks reach neither worker
 * threads nor `--import tsx` in `execArgv`, so a small bootstrap loads the entry through tsx's API.
 * It works the same under tsx, vitest and plain node, as long as tsx is installed.
 */
export function startTypeScriptWorker(entry: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const api = JSON.stringify(pathToFileURL(tsxEsmApi()).href);
  const href = JSON.stringify(entry.href);
  const bootstrap = `import(${api}).then(({ tsImport }) => tsImport(${href}, ${href}));`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** tsx's ES module API file (its CommonJS one cannot be imported by a worker's ES module loader). */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const { exports } = require(manifest) as { exports: Record<string, { import: { default: string } }> };
  const file = exports['./esm/api']?.import.default;
  if (file === undefined) throw new Error('shiplock: tsx/esm/api not found; run `npm install`.');
  return join(dirname(manifest), file);
}
