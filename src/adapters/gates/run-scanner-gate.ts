import type { ScannerGateConfig } from '../../config/types.ts';
import type { GateOutcome, Rollout } from '../../core/types.ts';
import type { GitHubApi } from '../github/github-api.ts';
import type { Finding } from './finding.ts';
import type { GateRunResult } from './gate-run-result.ts';
import { parseUnifiedDiff } from './parse-unified-diff.ts';
import { scanDiff } from './scanner/scan-diff.ts';
import { summarizeFindings } from './scanner/summarize-findings.ts';
import { worstStatus } from './worst-status.ts';

/** The narrow model's answer: findings, or why there are none (which fails closed). */
export type ModelScan =
  | { readonly ok: true; readonly findings: Finding[] }
  | { readonly ok: false; readonly error: string };

/** A narrow model that reviews a diff for security findings only. */
export interface ModelScanner {
  scan(diff: string): Promise<ModelScan>;
}

/** What the scanner gate needs. */
export interface ScannerGateContext {
  readonly api: Pick<GitHubApi, 'getPullRequest' | 'getDiff'>;
  readonly rollout: Rollout;
  /** The narrow model, when the gate configures one. */
  readonly model: ModelScanner | null;
  /** Runs the optional command (and its SARIF) in the sandbox on a fresh checkout. */
  readonly runCommand: (() => Promise<GateRunResult>) | null;
}

/** The largest diff scanned; a bigger one is an error, not a pass over half of it. */
export const MAX_SCANNED_DIFF_CHARS = 30_000_000;

/**
 * The security scanner: shiplock's deterministic rules over the diff's added lines, the optional
 * narrow model, and the optional command of the operator's. Findings at or above `blockAt` fail
 * the gate. Whatever cannot be judged is an error, never a pass: a model that fails or times out,
 * a diff too big to read, a head that moved while the diff was fetched.
 */
export async function runScannerGate(gate: ScannerGateConfig, ctx: ScannerGateContext): Promise<GateRunResult> {
  const { repo, number, sha } = ctx.rollout.pr;
  const diff = await ctx.api.getDiff(repo, number);
  // GitHub serves the diff of the PR's current head; it must be the head this rollout tests.
  const head = (await ctx.api.getPullRequest(repo, number)).headSha;
  if (head !== sha) return errorResult(`the PR head moved to ${head.slice(0, 7)} while scanning; not judged`);
  if (diff.length > MAX_SCANNED_DIFF_CHARS) return errorResult('the diff is over 30 MB; not judged');
  const findings = scanDiff(parseUnifiedDiff(diff));
  const notes: string[] = [];
  let status: GateOutcome['status'] = 'passed';
  if (ctx.model !== null) {
    const answer = await ctx.model.scan(diff);
    if (!answer.ok) return errorResult(`the security model gave no usable answer (${answer.error}); not judged`);
    findings.push(...answer.findings);
    notes.push(`model: ${answer.findings.length} finding${answer.findings.length === 1 ? '' : 's'}`);
  }
  const summary = summarizeFindings(findings, gate.blockAt);
  if (summary.blocking > 0) status = 'failed';
  const parts = [summary.line, ...notes];
  const details = [summary.details];
  let durationMs = 0;
  let logPath: string | null = null;
  if (ctx.runCommand !== null) {
    const command = await ctx.runCommand();
    status = worstStatus(status, command.outcome.status);
    parts.push(`command: ${command.outcome.summary}`);
    details.push(command.details);
    durationMs = command.outcome.durationMs;
    logPath = command.logPath;
  }
  return { outcome: { status, summary: parts.join('; '), durationMs }, details: details.join('\n\n'), logPath };
}

function errorResult(summary: string): GateRunResult {
  return { outcome: { status: 'error', summary, durationMs: 0 }, details: summary, logPath: null };
}
