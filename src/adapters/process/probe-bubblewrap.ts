import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSandboxEnv } from './build-sandbox-env.ts';
import { readSystemMounts } from './read-system-mounts.ts';
import { runProcess } from './run-process.ts';
import { SANDBOX_WORKSPACE } from './sandbox.ts';
import { toBwrapArgs } from './to-bwrap-args.ts';

/** Options of {@link probeBubblewrap}. */
export interface ProbeBubblewrapOptions {
  readonly bwrapPath: string;
  /** Extra read-only host paths, as the sandbox will use them. */
  readonly readOnlyPaths?: readonly string[];
}

/** Whether bubblewrap works here, and if not, why. */
export type ProbeResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Proves bubblewrap works by running `true` in exactly the sandbox real commands get: a binary
 * being present says nothing about whether user namespaces are allowed (containers, hardened
 * kernels and AppArmor often forbid them).
 */
export async function probeBubblewrap(options: ProbeBubblewrapOptions): Promise<ProbeResult> {
  const workspace = mkdtempSync(join(tmpdir(), 'shiplock-probe-'));
  try {
    const args = toBwrapArgs({
      mounts: readSystemMounts(options.readOnlyPaths),
      workspace,
      env: buildSandboxEnv(SANDBOX_WORKSPACE),
      argv: ['true'],
    });
    const result = await runProcess(
      { argv: [options.bwrapPath, ...args], cwd: workspace, env: {}, timeoutMs: 10_000, maxOutputBytes: 2000 },
      { killGraceMs: 500 },
    );
    if (result.spawnError !== undefined) {
      return { ok: false, reason: `cannot run ${options.bwrapPath}: ${result.spawnError}` };
    }
    if (result.exitCode === 0) return { ok: true };
    const how = result.timedOut ? 'timed out' : `exited ${result.exitCode ?? result.signal}`;
    const said = result.outputTail.trim();
    return { ok: false, reason: `${options.bwrapPath} ${how}${said === '' ? '' : `: ${said}`}` };
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}
