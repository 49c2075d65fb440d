import { isProcessGroupAlive } from './is-process-group-alive.ts';

const POLL_MS = 25;
/** How long to wait for a SIGKILLed group to disappear (uninterruptible sleep can delay it). */
const KILL_WAIT_MS = 2_000;

/**
 * Ends every process of the group: SIGTERM, then SIGKILL for whatever is still alive after
 * `graceMs`. Signalling the group (`-pgid`) reaches the grandchildren a command started in the
 * background, which signalling the child alone would leave running. Resolves once the group is
 * gone, or SIGKILL was sent and the group is gone (or 2 s passed).
 */
export async function terminateProcessGroup(pgid: number, graceMs: number): Promise<void> {
  if (!isProcessGroupAlive(pgid)) return;
  signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    await sleep(Math.min(POLL_MS, Math.max(1, deadline - Date.now())));
    if (!isProcessGroupAlive(pgid)) return;
  }
  signalGroup(pgid, 'SIGKILL');
  // SIGKILL is delivered asynchronously: wait (briefly) until the group is really gone, so a caller
  // that resolves on this never reports a run over while one of its processes still runs.
  const killDeadline = Date.now() + KILL_WAIT_MS;
  while (isProcessGroupAlive(pgid) && Date.now() < killDeadline) await sleep(5);
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone, which is what we want.
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
