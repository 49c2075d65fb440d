import type { CommandGateConfig } from '../../config/types.ts';
import type { GateOutcome, Rollout } from '../../core/types.ts';
import { SANDBOX_WORKSPACE, type Sandbox } from '../process/sandbox.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { describeProcessEnd } from './describe-process-end.ts';
import type { GateRunResult } from './gate-run-result.ts';
import { parseJunitXml } from './parse-junit-xml.ts';
import { parseSarif } from './parse-sarif.ts';
import { readReportFile } from './read-report-file.ts';
import { summarizeFindings } from './scanner/summarize-findings.ts';
import { summarizeJunit } from './summarize-junit.ts';
import { worstStatus } from './worst-status.ts';

/** What a command gate run needs besides its configuration. */
export interface CommandGateContext {
  readonly sandbox: Sandbox;
  readonly workspace: Workspace;
  readonly rollout: Rollout;
  readonly seed: number;
  readonly logFile: string;
  readonly maxOutputBytes: number;
}

/** The part of a command gate the scanner reuses: a command plus its optional SARIF report. */
type CommandSpec = Pick<CommandGateConfig, 'command' | 'timeoutMs' | 'sarif' | 'junit'> & { readonly kind: string };

/** Lines of output kept for the thread. */
const TAIL_LINES = 40;

/**
 * Runs a gate's command in the sandbox on the fresh checkout and reads what it reported. Exit 0
 * passes, unless its own report says otherwise: a JUnit report with failures or a SARIF error
 * (high or worse) fails even after exit 0 — fail closed. A timeout, a signal or a command that
 * cannot start is an `error` (Retry button); so is a report named in the config that is missing,
 * unreadable, or lists no tests at all.
 */
export async function runCommandGate(spec: CommandSpec, ctx: CommandGateContext): Promise<GateRunResult> {
  const env: Record<string, string> = { SHIPLOCK_SHA: ctx.rollout.pr.sha };
  if (spec.kind === 'fuzz') env.SHIPLOCK_FUZZ_SEED = String(ctx.seed);
  const result = await ctx.sandbox.run({
    argv: spec.command,
    workspace: ctx.workspace.dir,
    env,
    timeoutMs: spec.timeoutMs,
    maxOutputBytes: ctx.maxOutputBytes,
    logFile: ctx.logFile,
  });
  const ended = describeProcessEnd(result, spec.timeoutMs);
  const broken = result.spawnError !== undefined || result.timedOut || result.exitCode === null;
  let status: GateOutcome['status'] = broken ? 'error' : result.exitCode === 0 ? 'passed' : 'failed';
  const lines: string[] = [];
  const notes: string[] = [ended];
  if (spec.kind === 'fuzz') lines.push(reproduceLine(spec.command, ctx));
  if (!broken && spec.junit !== undefined) {
    const report = await readJunit(ctx.workspace.dir, spec.junit);
    notes.push(report.line);
    if (report.details !== '') lines.push(report.details);
    status = worstStatus(status, report.status);
  }
  if (!broken && spec.sarif !== undefined) {
    const report = await readSarif(ctx.workspace.dir, spec.sarif);
    notes.push(report.line);
    if (report.details !== '') lines.push(report.details);
    status = worstStatus(status, report.status);
  }
  lines.push(`Output (last ${TAIL_LINES} lines):\n${tail(result.outputTail)}`);
  return {
    outcome: { status, summary: notes.join('; '), durationMs: result.durationMs },
    details: lines.join('\n\n'),
    logPath: ctx.logFile,
  };
}

interface ReportVerdict {
  readonly status: GateOutcome['status'];
  readonly line: string;
  readonly details: string;
}

async function readJunit(dir: string, path: string): Promise<ReportVerdict> {
  const file = await readReportFile(dir, path);
  if (!file.ok) return { status: 'error', line: `JUnit report: ${file.error}`, details: '' };
  const parsed = parseJunitXml(file.text);
  if (!parsed.ok) return { status: 'error', line: `JUnit report unreadable: ${parsed.error}`, details: '' };
  const { line, details } = summarizeJunit(parsed);
  // A report of zero tests proves nothing ran: fail closed rather than pass an empty run.
  if (parsed.tests === 0) return { status: 'error', line: `JUnit report lists no tests (${line})`, details };
  return { status: parsed.failures + parsed.errors > 0 ? 'failed' : 'passed', line, details };
}

async function readSarif(dir: string, path: string): Promise<ReportVerdict> {
  const file = await readReportFile(dir, path);
  if (!file.ok) return { status: 'error', line: `SARIF report: ${file.error}`, details: '' };
  const parsed = parseSarif(file.text, { roots: [dir, SANDBOX_WORKSPACE] });
  if (!parsed.ok) return { status: 'error', line: `SARIF report unreadable: ${parsed.error}`, details: '' };
  const { blocking, line, details } = summarizeFindings(parsed.findings, 'high');
  const notes = [
    ...(parsed.truncated ? ['only the first 1,000 findings read'] : []),
    ...(parsed.skipped > 0 ? [`${parsed.skipped} malformed result(s) skipped`] : []),
  ];
  const shown = notes.length === 0 ? line : `${line} (${notes.join('; ')})`;
  return { status: blocking > 0 ? 'failed' : 'passed', line: shown, details };
}

function reproduceLine(command: readonly string[], ctx: CommandGateContext): string {
  const argv = command.map((arg) => (/^[\w./:=-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`));
  return `Reproduce locally at ${ctx.rollout.pr.sha}:\nSHIPLOCK_FUZZ_SEED=${ctx.seed} ${argv.join(' ')}`;
}

function tail(output: string): string {
  const lines = output.replace(/\n$/, '').split('\n');
  const kept = lines.slice(-TAIL_LINES).join('\n');
  return kept === '' ? '(no output)' : kept;
}
