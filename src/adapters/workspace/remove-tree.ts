import { chmod, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Deletes a directory tree even when the gate made parts of it read-only: removing an entry needs
 * write permission on its parent, so every directory is made writable first. Symlinks are not
 * followed (a gate could point one at a directory outside the workspace). A missing tree is fine.
 */
export async function removeTree(dir: string): Promise<void> {
  await makeWritable(dir);
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
}

async function makeWritable(dir: string): Promise<void> {
  try {
    await chmod(dir, 0o700);
    const entries = await readdir(dir, { withFileTypes: true });
    await Promise.all(entries.filter((e) => e.isDirectory()).map((e) => makeWritable(join(dir, e.name))));
  } catch {
    // Already gone, or not ours to change: `rm` reports what really matters.
  }
}
