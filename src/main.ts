/**
 * The composition root and the only reader of `process.env`: everything else receives what it
 * needs as parameters.
 */
import { readFileSync } from 'node:fs';
import { runCli } from './cli/run-cli.ts';

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
  env: process.env,
  untilStopped: () =>
    new Promise((resolve) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
    }),
});
process.exitCode = code;
