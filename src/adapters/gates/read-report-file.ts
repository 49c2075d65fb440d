import { open, realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** The largest report file read (SARIF, JUnit); a bigger one is refused, not half-read. */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;

/** A report the gate's command wrote, or why it could not be read. */
export type ReportFile = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

/**
 * Reads a report the PR's code wrote into its workspace. The code is hostile: the file may be a
 * symlink to `/etc/shadow` or to shiplock's database, or huge. Only a regular file that resolves
 * inside the workspace and is under {@link MAX_REPORT_BYTES} is read. Never throws.
 */
export async function readReportFile(workspace: string, relativePath: string): Promise<ReportFile> {
  try {
    const root = await realpath(workspace);
    const target = await realpath(join(root, relativePath));
    if (!target.startsWith(`${root}${sep}`)) return { ok: false, error: `${relativePath} points outside the checkout` };
    const handle = await open(target, 'r');
    try {
      const info = await handle.stat();
      if (!info.isFile()) return { ok: false, error: `${relativePath} is not a file` };
      if (info.size > MAX_REPORT_BYTES) return { ok: false, error: `${relativePath} is over 20 MB` };
      return { ok: true, text: await handle.readFile('utf8') };
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      error: code === 'ENOENT' ? `${relativePath} was not written` : `${relativePath}: ${code ?? 'unreadable'}`,
    };
  }
}
