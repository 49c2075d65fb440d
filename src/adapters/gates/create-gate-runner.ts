import { join } from 'node:path';
import type { GateConfig, ScannerModelConfig } from '../../config/types.ts';
import type { Rollout, RunGate } from '../../core/types.ts';
import type { Clock, GateRun, GateRunner } from '../../shell/ports.ts';
import type { GitHubApi } from '../github/github-api.ts';
import type { Sandbox } from '../process/sandbox.ts';
import type { RunRecorder } from '../runs/run-record.ts';
import type { Workspaces } from '../workspace/workspace.ts';
import type { CheckGate } from './create-check-gate.ts';
import type { GateRunResult } from './gate-run-result.ts';
import { runCommandGate } from './run-command-gate.ts';
import { type ModelScanner, runScannerGate } from './run-scanner-gate.ts';

/** What the gate runner is built from (all injected: tests bring the real stand-ins). */
export interface GateRunnerOptions {
  readonly gateFor: (repo: string, gateId: string) => GateConfig | undefined;
  readonly api: Pick<GitHubApi, 'getPullRequest' | 'getDiff'>;
  readonly workspaces: Workspaces;
  readonly sandbox: Sandbox;
  readonly checkGate: CheckGate;
  readonly modelScanner: (config: ScannerModelConfig) => ModelScanner;
  readonly records: RunRecorder;
  /** Whole outputs go to `<logDir>/<rollout>/gate-<id>-<attempt>.log`. */
  readonly logDir: string;
  /** For fetching private repositories over https; it never enters the sandbox. */
  readonly githubToken?: string;
  readonly clock: Clock;
  /** Output kept in memory per run (the tail); the whole output is in the log file. */
  readonly maxOutputBytes?: number;
}

/**
 * The `GateRunner` port: runs one blocking gate on the rollout's exact SHA and records what people
 * need (details for the thread, the log). Command gates get a fresh checkout, verified at the SHA,
 * in the sandbox; check gates wait for CI; the scanner judges the diff. Throws only when the gate
 * cannot be run at all — the shell then fails the gate closed (`error`, Retry button).
 */
export function createGateRunner(options: GateRunnerOptions): GateRunner {
  const { clock, records } = options;
  const maxOutputBytes = options.maxOutputBytes ?? 256 * 1024;

  async function inWorkspace(
    rollout: Rollout,
    command: RunGate,
    work: (dir: { workspace: Awaited<ReturnType<Workspaces['checkout']>>; logFile: string }) => Promise<GateRunResult>,
  ): Promise<GateRunResult> {
    const pr = await options.api.getPullRequest(rollout.pr.repo, rollout.pr.number);
    const workspace = await options.workspaces.checkout({
      cloneUrl: pr.cloneUrl,
      sha: rollout.pr.sha,
      label: `${rollout.id}-${command.gateId}-${command.attempt}`,
      ...(options.githubToken === undefined ? {} : { token: options.githubToken }),
    });
    const logFile = join(options.logDir, rollout.id, `gate-${command.gateId}-${command.attempt}.log`);
    try {
      return await work({ workspace, logFile });
    } finally {
      await workspace.dispose();
    }
  }

  async function runGate(gate: GateConfig, command: RunGate, rollout: Rollout, seed: number): Promise<GateRunResult> {
    if (gate.kind === 'github_check') {
      const outcome = await options.checkGate.run({
        repo: rollout.pr.repo,
        sha: rollout.pr.sha,
        checkName: gate.checkName,
        timeoutMs: gate.timeoutMs,
      });
      return { outcome, details: outcome.summary, logPath: null };
    }
    const sandboxed = (spec: Parameters<typeof runCommandGate>[0]) => () =>
      inWorkspace(rollout, command, ({ workspace, logFile }) =>
        runCommandGate(spec, { sandbox: options.sandbox, workspace, rollout, seed, logFile, maxOutputBytes }),
      );
    if (gate.kind === 'security_scanner') {
      const { command: argv, sarif } = gate;
      const spec =
        argv === undefined
          ? null
          : { kind: gate.kind, command: argv, timeoutMs: gate.timeoutMs, ...(sarif === undefined ? {} : { sarif }) };
      return runScannerGate(gate, {
        api: options.api,
        rollout,
        model: gate.model === undefined ? null : options.modelScanner(gate.model),
        runCommand: spec === null ? null : sandboxed(spec),
      });
    }
    return sandboxed(gate)();
  }

  return {
    async run(command: RunGate, rollout: Rollout, run: GateRun) {
      const gate = options.gateFor(rollout.pr.repo, command.gateId);
      if (gate === undefined) throw new Error(`shiplock_gate_not_configured: ${command.gateId}`);
      if (command.sha !== rollout.pr.sha) throw new Error(`shiplock_gate_sha_mismatch: ${command.sha}`);
      const startedAt = clock.now();
      const record = (details: string, logPath: string | null) =>
        records.record({
          rolloutId: rollout.id,
          kind: 'gate',
          name: command.gateId,
          attempt: command.attempt,
          startedAt,
          finishedAt: clock.now(),
          details,
          logPath,
        });
      let result: GateRunResult;
      try {
        result = await runGate(gate, command, rollout, run.seed);
      } catch (error) {
        // The shell turns the throw into a gate error; the thread still says what happened.
        record(`The gate could not run: ${(error as Error).message}`, null);
        throw error;
      }
      record(result.details, result.logPath);
      const durationMs = result.outcome.durationMs > 0 ? result.outcome.durationMs : clock.now() - startedAt;
      return { ...result.outcome, durationMs };
    },
  };
}
