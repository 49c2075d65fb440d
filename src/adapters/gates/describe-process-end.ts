import { formatDuration } from '../../render/format-duration.ts';
import type { ProcessResult } from '../process/process-result.ts';

/** One line, in our words, saying how a command ended ("exit 1 after 3 s"). */
export function describeProcessEnd(result: ProcessResult, timeoutMs: number): string {
  if (result.spawnError !== undefined) return `could not start: ${result.spawnError}`;
  if (result.timedOut) return `killed at its ${formatDuration(timeoutMs)} time limit`;
  if (result.exitCode === null)
    return `killed by ${result.signal ?? 'a signal'} after ${formatDuration(result.durationMs)}`;
  return `exit ${result.exitCode} after ${formatDuration(result.durationMs)}`;
}
