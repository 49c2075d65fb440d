import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { removeTree } from './remove-tree.ts';

/** Every workspace directory starts with this, so a sweep never touches anything else in `root`. */
export const WORKSPACE_PREFIX = 'shiplock-ws-';

/** Inputs of {@link sweepWorkspaces}. */
export interface SweepInput {
  readonly root: string;
  readonly maxAgeMs: number;
  /** Directories of checkouts still in use in this process; never removed. */
  readonly live: ReadonlySet<string>;
  readonly now: () => number;
}

/**
 * Removes workspaces a crashed process left behind: directories under `root` named like ours,
 * older than `maxAgeMs` by modification time, and not owned by a live checkout. Choose `maxAgeMs`
 * longer than the longest gate, since another shiplock process could share the root. Returns how
 * many were removed.
 */
export async function sweepWorkspaces(input: SweepInput): Promise<number> {
  let names: string[];
  try {
    names = await readdir(input.root);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const dir = join(input.root, name);
    if (!name.startsWith(WORKSPACE_PREFIX) || input.live.has(dir)) continue;
    const stats = await lstat(dir).catch(() => undefined);
    if (stats === undefined || !stats.isDirectory()) continue;
    if (input.now() - stats.mtimeMs < input.maxAgeMs) continue;
    await removeTree(dir);
    removed += 1;
  }
  return removed;
}
