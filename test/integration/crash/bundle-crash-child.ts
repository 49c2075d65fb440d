import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const CHILD = join(ROOT, 'test/support/crash-bot-child.ts');

/**
 * The crash child's entry (test/support/crash-bot-child.ts) bundled with esbuild, our sources and the
 * packages in one file (only better-sqlite3, a native addon, is loaded from node_modules): every kill
 * costs a process, and loading one file takes about half the CPU of resolving and reading hundreds
 * of package files (0.65 s against 1.25 s a process, measured 2026-11-24), itself a third of
 * transpiling our sources through tsx. The bundle sits three directories below the repository, as
 * `src/adapters/db/open-database.ts` does, so its `import.meta.url`-relative migrations directory is
 * the repository's. (pino finds its worker files through `__dirname` only for transports, which the
 * bot does not use.) Returns the bundle's path and its directory (to delete).
 */
export async function bundleCrashChild(): Promise<{ readonly file: string; readonly dir: string }> {
  const dir = join(ROOT, 'node_modules/.cache', `shiplock-crash-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, '../../../migrations')))
    throw new Error('crash pool: the bundle would not find migrations/');
  const file = join(dir, 'crash-bot-child.mjs');
  await build({
    entryPoints: [CHILD],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    // The packages are CommonJS: their `require` of node built-ins needs one in an ES module.
    banner: {
      js: "import { createRequire as __crashRequire } from 'node:module';\nconst require = __crashRequire(import.meta.url);",
    },
    outfile: file,
    logLevel: 'error',
  });
  return { file, dir };
}
