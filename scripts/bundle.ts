import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The GitHub inbox writer's thread runs from its own file, which the bot finds next to its bundle. */
const WRITER_ENTRY = fileURLToPath(new URL('../src/adapters/github/webhook/inbox-writer-worker.ts', import.meta.url));

/**
 * One ES module file holding `entry`, our sources and the packages they use: only better-sqlite3, a
 * native addon, is loaded from node_modules. Loading one file takes about half the CPU of resolving
 * and reading the ~1,200 package files one by one (issue 8's start-up goal; measured in
 * docs/benchmarks.md), and a third of transpiling the sources through tsx. pino finds its worker
 * files through `__dirname` only for transports, which the bot does not use. Whitespace and syntax
 * are minified (a 3.7 MB file instead of 5.2 MB loads about 50 ms sooner); identifiers are kept, so
 * stack traces still name functions. The inbox writer thread's entry is bundled beside it
 * (`inbox-writer-worker.js`).
 */
export async function bundle(entry: string, outfile: string): Promise<void> {
  const writer = join(dirname(outfile), 'inbox-writer-worker.js');
  await Promise.all([bundleOne(entry, outfile), bundleOne(WRITER_ENTRY, writer)]);
}

async function bundleOne(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    // The packages are CommonJS: their `require` of node built-ins needs one in an ES module.
    banner: {
      js: "import { createRequire as __shiplockRequire } from 'node:module';\nconst require = __shiplockRequire(import.meta.url);",
    },
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: true,
    logLevel: 'error',
  });
}
