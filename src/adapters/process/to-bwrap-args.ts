import type { SystemMount } from './read-system-mounts.ts';
import { SANDBOX_WORKSPACE } from './sandbox.ts';

/** What one bubblewrap invocation needs. */
export interface BwrapInvocation {
  readonly mounts: readonly SystemMount[];
  /** Host path of the workspace, bound read-write at {@link SANDBOX_WORKSPACE}. */
  readonly workspace: string;
  readonly env: Readonly<Record<string, string>>;
  readonly argv: readonly string[];
}

/**
 * The bubblewrap arguments (https://github.com/containers/bubblewrap/blob/main/bwrap.xml):
 * every namespace unshared (the network namespace has only loopback, so nothing outside is
 * reachable, not even the host's loopback), all capabilities dropped, a fresh /proc of the
 * sandbox's own PID namespace, a private /tmp, and an environment built from nothing.
 * `--new-session` stops TIOCSTI tricks on a terminal; `--die-with-parent` ends the sandbox if the
 * bwrap process dies, which is what killing the process group does.
 */
export function toBwrapArgs(invocation: BwrapInvocation): readonly string[] {
  const args = ['--unshare-all', '--die-with-parent', '--new-session', '--cap-drop', 'ALL'];
  for (const mount of invocation.mounts) args.push(...toMountArgs(mount));
  args.push('--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp');
  args.push('--bind', invocation.workspace, SANDBOX_WORKSPACE, '--chdir', SANDBOX_WORKSPACE);
  args.push('--clearenv');
  for (const [name, value] of Object.entries(invocation.env)) args.push('--setenv', name, value);
  args.push('--', ...invocation.argv);
  return args;
}

function toMountArgs(mount: SystemMount): readonly string[] {
  switch (mount.kind) {
    case 'ro-bind':
      return ['--ro-bind', mount.path, mount.path];
    case 'symlink':
      return ['--symlink', mount.target, mount.path];
    case 'mask-file':
      return ['--ro-bind', '/dev/null', mount.path];
    case 'mask-dir':
      return ['--tmpfs', mount.path];
  }
}
