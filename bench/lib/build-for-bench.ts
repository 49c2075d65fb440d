import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from '../../scripts/bundle.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = fileURLToPath(new URL('./startup-entry.ts', import.meta.url));

/**
 * Bundles the start-up child's entry (`startup-entry.ts`: `startBot` and what the CLI's `start`
 * calls before it) exactly as `npm run build` bundles `src/main.ts` (scripts/bundle.ts), into a temp
 * directory laid out like the repository: `<dir>/dist/startup-entry.js`, `<dir>/migrations` (found
 * above the bundle by `openDatabase`) and `<dir>/node_modules` (a link to the repository's, for
 * better-sqlite3). Returns the bundle's path and the directory (to delete).
 */
export async function buildForBench(): Promise<{ readonly file: string; readonly dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'shiplock-bench-build-'));
  const file = join(dir, 'dist', 'startup-entry.js');
  await bundle(ENTRY, file);
  cpSync(join(ROOT, 'migrations'), join(dir, 'migrations'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return { file, dir };
}
