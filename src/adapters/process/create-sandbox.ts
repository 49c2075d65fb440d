import { isAbsolute } from 'node:path';
import { buildSandboxEnv } from './build-sandbox-env.ts';
import { probeBubblewrap } from './probe-bubblewrap.ts';
import { readSystemMounts, type SystemMount } from './read-system-mounts.ts';
import { type ProcessSpec, type RunProcessOptions, runProcess } from './run-process.ts';
import { SANDBOX_WORKSPACE, type Sandbox, type SandboxRunRequest } from './sandbox.ts';
import { toBwrapArgs } from './to-bwrap-args.ts';

/** Options of {@link createSandbox}. */
export interface CreateSandboxOptions {
  /** `none` only scrubs the environment: the operator must have chosen it explicitly. */
  readonly mode: 'bubblewrap' | 'none';
  /** Default `/usr/bin/bwrap`. */
  readonly bwrapPath?: string;
  /** Extra host paths to bind read-only, for toolchains outside /usr (`/opt/node`). */
  readonly readOnlyPaths?: readonly string[];
  /** Clock and kill grace, for tests. */
  readonly process?: RunProcessOptions;
}

/**
 * The sandbox for gate commands. In `bubblewrap` mode it first proves bubblewrap works here and
 * refuses to exist otherwise (`shiplock_sandbox_unavailable`): running the PR's code unsandboxed
 * must be the operator's explicit choice, never a silent fallback.
 */
export async function createSandbox(options: CreateSandboxOptions): Promise<Sandbox> {
  if (options.mode === 'none') return createUnsandboxed(options.process ?? {});
  const bwrapPath = options.bwrapPath ?? '/usr/bin/bwrap';
  const readOnlyPaths = options.readOnlyPaths ?? [];
  const probe = await probeBubblewrap({ bwrapPath, readOnlyPaths });
  if (!probe.ok) {
    throw new Error(
      `shiplock_sandbox_unavailable: bubblewrap does not work here (${probe.reason}). ` +
        'Install it (apt-get install bubblewrap) and allow user namespaces; set sandbox: none only if ' +
        'every pull request is trusted code or gates run in a disposable machine.',
    );
  }
  return createBubblewrap(bwrapPath, readSystemMounts(readOnlyPaths), options.process ?? {});
}

function createBubblewrap(bwrapPath: string, mounts: readonly SystemMount[], seams: RunProcessOptions): Sandbox {
  return {
    kind: 'bubblewrap',
    run: async (request) => {
      const env = checkRequest(request, SANDBOX_WORKSPACE);
      const args = toBwrapArgs({ mounts, workspace: request.workspace, env, argv: request.argv });
      // bwrap itself gets an empty environment: the command's comes from --setenv only.
      return runProcess({ ...toLimits(request), argv: [bwrapPath, ...args], cwd: request.workspace, env: {} }, seams);
    },
  };
}

function createUnsandboxed(seams: RunProcessOptions): Sandbox {
  return {
    kind: 'none',
    run: async (request) => {
      const env = checkRequest(request, request.workspace);
      return runProcess({ ...toLimits(request), argv: request.argv, cwd: request.workspace, env }, seams);
    },
  };
}

function checkRequest(request: SandboxRunRequest, home: string): Readonly<Record<string, string>> {
  if (!isAbsolute(request.workspace)) {
    throw new Error(`shiplock_sandbox_workspace: the workspace must be an absolute path, not "${request.workspace}".`);
  }
  if (request.argv.length === 0) throw new Error('shiplock_sandbox_empty_command: a gate command needs a program.');
  return buildSandboxEnv(home, request.env);
}

function toLimits(request: SandboxRunRequest): Pick<ProcessSpec, 'timeoutMs' | 'maxOutputBytes' | 'logFile'> {
  return {
    timeoutMs: request.timeoutMs,
    maxOutputBytes: request.maxOutputBytes,
    ...(request.logFile === undefined ? {} : { logFile: request.logFile }),
  };
}
