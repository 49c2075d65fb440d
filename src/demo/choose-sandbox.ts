import { realpathSync } from 'node:fs';
import { probeBubblewrap } from '../adapters/process/probe-bubblewrap.ts';
import { SYSTEM_PATHS } from '../adapters/process/read-system-mounts.ts';

/** The sandbox the demo's gates run in, and a line saying why. */
export interface SandboxChoice {
  readonly mode: 'bubblewrap' | 'none';
  readonly why: string;
}

/**
 * bubblewrap when it works on this machine and Node lives where the sandbox can see it (the
 * system directories); otherwise `sandbox: none`, which the transcript and every card say out loud.
 */
export async function chooseSandbox(wanted: 'auto' | 'bubblewrap' | 'none', nodePath: string): Promise<SandboxChoice> {
  if (wanted === 'none') return { mode: 'none', why: 'sandbox: none (asked for): gates run UNSANDBOXED' };
  const probe = await probeBubblewrap({ bwrapPath: '/usr/bin/bwrap' });
  const node = realpathSync(nodePath);
  const visible = SYSTEM_PATHS.some((dir) => node.startsWith(`${dir}/`));
  const problem = !probe.ok
    ? probe.reason
    : visible
      ? null
      : `Node (${node}) is outside the sandbox's system directories`;
  if (problem === null) {
    return {
      mode: 'bubblewrap',
      why: 'sandbox: bubblewrap — gates run without network or secrets, on a fresh checkout',
    };
  }
  if (wanted === 'bubblewrap') throw new Error(`demo: --sandbox=bubblewrap, but ${problem}`);
  return {
    mode: 'none',
    why: `sandbox: none — ${problem}; gates run UNSANDBOXED (install bubblewrap to sandbox them)`,
  };
}
