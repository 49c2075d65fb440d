import { describeDeployRun } from '../deployer/describe-deploy-run.ts';
import type { ProcessResult } from '../process/process-result.ts';
import type { CheckResult } from './verification-target.ts';

/** Lines of output quoted in a failed check's summary, and their length in all. */
const TAIL_LINES = 3;
const TAIL_CHARS = 200;

/**
 * A health command run as a check: exit 0 in time passes; anything else fails with how it ended
 * (our words) and the last lines of its output on one line (its words, untrusted: the card escapes
 * and truncates them). A time limit or a command that could not start is a failure, never a pass.
 */
export function describeHealthRun(result: ProcessResult, timeoutMs: number): CheckResult {
  const how = describeDeployRun(result, timeoutMs);
  if (result.exitCode === 0 && !result.timedOut) return { ok: true, summary: `health command passed (${how})` };
  const tail = result.spawnError === undefined ? lastLinesOnOneLine(result.outputTail) : '';
  return { ok: false, summary: `health command failed (${how})${tail === '' ? '' : `: ${tail}`}` };
}

function lastLinesOnOneLine(output: string): string {
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
  const text = lines.slice(-TAIL_LINES).join(' ⏎ ');
  return text.length <= TAIL_CHARS ? text : `…${text.slice(text.length - TAIL_CHARS + 1)}`;
}
