import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from '../../../scripts/bundle.ts';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const CHILD = join(ROOT, 'test/support/crash-bot-child.ts');

/**
 * The crash child's entry (test/support/crash-bot-child.ts) bundled as `npm run build` bundles the
 * bot (scripts/bundle.ts): every kill costs a process, and loading one file takes about half the
 * CPU of resolving and reading hundreds of package files (0.65 s against 1.25 s a process, measured
 * 2026-11-24), itself a third of transpiling our sources through tsx. The bundle sits inside the
 * repository, so `openDatabase` finds `migrations/` above it. Returns the bundle's path and its
 * directory (to delete).
 */
export async function bundleCrashChild(): Promise<{ readonly file: string; readonly dir: string }> {
  const dir = join(ROOT, 'node_modules/.cache', `shiplock-crash-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'crash-bot-child.mjs');
  await bundle(CHILD, file);
  return { file, dir };
}
