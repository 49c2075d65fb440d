import type { ProcessResult } from '../process/process-result.ts';

/**
 * The one line people see about a deploy script run, written by us and never taken from the
 * script's output: "exit 0 in 4.2s", "killed at the 10m time limit", "could not start: …".
 */
export function describeDeployRun(result: ProcessResult, timeoutMs: number): string {
  if (result.spawnError !== undefined) return `could not start: ${result.spawnError}`;
  if (result.timedOut) return `killed at the ${formatSeconds(timeoutMs)} time limit`;
  const took = formatSeconds(result.durationMs, true);
  if (result.exitCode !== null) return `exit ${result.exitCode} in ${took}`;
  return `killed by ${result.signal ?? 'an unknown signal'} after ${took}`;
}

/** 4.2s, 45s, 1m30s, 10m, 1h, 1h5m; `precise` keeps a tenth of a second under a minute. */
export function formatSeconds(ms: number, precise = false): string {
  if (ms < 60_000) {
    const seconds = ms / 1000;
    return precise || !Number.isInteger(seconds) ? `${seconds.toFixed(1)}s` : `${seconds}s`;
  }
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts = [h > 0 ? `${h}h` : '', m > 0 ? `${m}m` : '', s > 0 ? `${s}s` : ''];
  return parts.join('');
}
