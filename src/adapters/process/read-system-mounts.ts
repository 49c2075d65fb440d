import { lstatSync, readlinkSync, type Stats } from 'node:fs';

/** How one host path appears inside the sandbox. */
export type SystemMount =
  | { readonly kind: 'ro-bind'; readonly path: string }
  | { readonly kind: 'symlink'; readonly path: string; readonly target: string }
  /** Hidden: an empty file or directory over a secret inside a bound tree. */
  | { readonly kind: 'mask-file' | 'mask-dir'; readonly path: string };

/**
 * What a shell, Node or compiler build needs from the system, read-only: programs, libraries and
 * /etc (users, certificates, `alternatives` symlinks). Deliberately absent: /root, /home, /work,
 * /var, /opt, /srv, /mnt, the host's /proc and /tmp, and so shiplock's data directory and checkout.
 */
export const SYSTEM_PATHS: readonly string[] = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/etc'];

/** Secrets that live inside /etc and so would come with it. */
export const MASKED_PATHS: readonly string[] = [
  '/etc/shadow',
  '/etc/shadow-',
  '/etc/gshadow',
  '/etc/gshadow-',
  '/etc/ssh',
  '/etc/ssl/private',
  '/etc/sudoers',
  '/etc/sudoers.d',
];

/**
 * Reads how the system paths exist on this host: merged-/usr systems have /bin as a symlink, which
 * must stay a symlink inside (binding it would follow it). Missing paths are left out.
 */
export function readSystemMounts(extraReadOnly: readonly string[] = []): readonly SystemMount[] {
  const mounts: SystemMount[] = [];
  for (const path of [...SYSTEM_PATHS, ...extraReadOnly]) {
    const stat = lstatOrNull(path);
    if (stat === null) continue;
    mounts.push(
      stat.isSymbolicLink() ? { kind: 'symlink', path, target: readlinkSync(path) } : { kind: 'ro-bind', path },
    );
  }
  for (const path of MASKED_PATHS) {
    const stat = lstatOrNull(path);
    if (stat === null) continue;
    mounts.push({ kind: stat.isDirectory() ? 'mask-dir' : 'mask-file', path });
  }
  return mounts;
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}
