import { spawn } from 'node:child_process';
import type { GitInvocation, GitResult } from './git-result.ts';

/** Enough stderr for the last line of an error; a hostile remote cannot fill memory. */
const MAX_OUTPUT_CHARS = 64 * 1024;

/**
 * Runs git as a real child process with exactly the given environment. The child gets its own
 * process group so a timeout kills git's helpers too (`git fetch` runs `git-remote-https` or
 * `git-upload-pack` as grandchildren, which would otherwise outlive a plain kill).
 */
export function runGit(invocation: GitInvocation): Promise<GitResult> {
  return new Promise((resolve) => {
    const child = spawn(invocation.git, [...invocation.args], {
      cwd: invocation.cwd,
      env: { ...invocation.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout = (stdout + chunk.toString('utf8')).slice(-MAX_OUTPUT_CHARS);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-MAX_OUTPUT_CHARS);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, invocation.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr: `${stderr}\n${error.message}`, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already gone: nothing left to stop.
  }
}
