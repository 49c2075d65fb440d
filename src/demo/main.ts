/**
 * `npm run demo`: the demo's composition root and, like `src/main.ts`, the only reader of
 * `process.env` on its side. Ctrl-C (or SIGTERM) aborts the run, which stops everything it
 * started and deletes its temporary directory; a second Ctrl-C exits at once.
 */
import { DEMO_USAGE } from './demo-usage.ts';
import { parseDemoArgs } from './parse-demo-args.ts';

const parsed = parseDemoArgs(process.argv.slice(2));
if (parsed.kind === 'help') {
  process.stdout.write(DEMO_USAGE);
} else if (parsed.kind === 'error') {
  process.stderr.write(`npm run demo: ${parsed.problem}\n\n${DEMO_USAGE}`);
  process.exitCode = 2;
} else {
  const stop = new AbortController();
  let firstSignalAt = 0;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      // Ctrl-C reaches this process twice: from the terminal and relayed by tsx. Only a second
      // press, a moment later, skips the cleanup.
      if (stop.signal.aborted) {
        if (Date.now() - firstSignalAt > 1000) process.exit(130);
        return;
      }
      firstSignalAt = Date.now();
      process.stdout.write(`\n${signal}: stopping the demo and cleaning up (Ctrl-C again to exit at once)\n`);
      stop.abort();
    });
  }
  // Loaded only for a run: `--help` and usage errors answer without loading the whole bot.
  const { runDemo } = await import('./run-demo.ts');
  try {
    const result = await runDemo({
      ...parsed.args,
      env: process.env,
      nodePath: process.execPath,
      out: (text) => process.stdout.write(text),
      signal: stop.signal,
    });
    process.exitCode = result.exitCode;
  } catch (error) {
    process.stderr.write(`npm run demo: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
