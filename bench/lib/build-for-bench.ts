import { cpSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Relative `.ts` specifiers in import/export statements and dynamic imports. */
const TS_SPECIFIER = /((?:from|import)\s*\(?\s*)(['"])(\.{1,2}\/[^'"]+)\.ts\2/g;

/**
 * Compiles `src/` file by file (as `npm run build` does with tsc, one module per source file,
 * relative `.ts` imports rewritten to `.js`) into a temp directory laid out like the repository:
 * `<dir>/dist`, `<dir>/migrations` (where `openDatabase` looks, three levels above
 * `dist/adapters/db/`) and `<dir>/node_modules` (a link to the repository's). esbuild instead of
 * tsc because tsc takes minutes on a busy 2-core machine; both only strip types here.
 * Returns the temp directory; the compiled modules are in its `dist`.
 */
export async function buildForBench(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'shiplock-bench-build-'));
  const entryPoints = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts'))
    .map((path) => join(ROOT, 'src', path));
  await build({
    entryPoints,
    outdir: join(dir, 'dist'),
    outbase: join(ROOT, 'src'),
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
  });
  for (const path of readdirSync(join(dir, 'dist'), { recursive: true, encoding: 'utf8' })) {
    if (!path.endsWith('.js')) continue;
    const file = join(dir, 'dist', path);
    writeFileSync(file, readFileSync(file, 'utf8').replace(TS_SPECIFIER, '$1$2$3.js$2'));
  }
  cpSync(join(ROOT, 'migrations'), join(dir, 'migrations'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}
