import type { DeployScriptConfig } from '../../config/types.ts';
import type { DeployStage, StartDeploy } from '../../core/types.ts';
import type { Deployer } from '../../shell/ports.ts';
import { type RunProcessOptions, runProcess } from '../process/run-process.ts';
import type { RunRecord, RunRecorder } from '../runs/run-record.ts';
import { describeDeployRun } from './describe-deploy-run.ts';
import { lastLines } from './last-lines.ts';
import { toDeployEnv } from './to-deploy-env.ts';
import { toDeployLogPath } from './to-deploy-log-path.ts';

/** Options of {@link createScriptDeployer}. */
export interface ScriptDeployerOptions {
  /** The operator's script for a repository's stage, from trusted config (never from the PR). */
  readonly scriptFor: (repo: string, stage: DeployStage) => DeployScriptConfig | undefined;
  /** Working directory of the scripts. */
  readonly cwd: string;
  /** shiplock's environment; its own secrets are removed before a script sees it. */
  readonly baseEnv: Readonly<Record<string, string | undefined>>;
  /** Whole outputs go to `logDir/<rolloutId>/<stage>-epoch<epoch>.log`. */
  readonly logDir: string;
  readonly records: RunRecorder;
  readonly clock?: () => number;
  /** Output kept in memory for the run record (default 64 KiB). */
  readonly maxTailBytes?: number;
  /** SIGTERM → SIGKILL grace at the time limit (default 2 s). */
  readonly killGraceMs?: number;
}

/** Lines of output kept in the run record for the card's thread. */
const DETAIL_LINES = 40;

/**
 * The deploy port on the operator's scripts. Scripts are trusted and so not sandboxed, but each
 * runs as its own process group under its time limit, gets the `SHIPLOCK_*` contract and none of
 * shiplock's secrets, and leaves a log file and a run record. Exit 0 is success; anything else,
 * including a script that could not start, is a failure value, never a throw.
 */
export function createScriptDeployer(options: ScriptDeployerOptions): Deployer {
  const clock = options.clock ?? Date.now;
  return {
    deploy: async (command) => {
      const script = options.scriptFor(command.repo, command.stage);
      const startedAt = clock();
      if (script === undefined) {
        const summary = `no deploy script configured for ${command.stage}`;
        return {
          ok: false,
          summary: save(options.records, toRecord(command, startedAt, clock(), summary, null), summary),
        };
      }
      const logPath = toDeployLogPath(options.logDir, command.rolloutId, command.stage, command.epoch);
      const seams: RunProcessOptions = {
        now: clock,
        ...(options.killGraceMs === undefined ? {} : { killGraceMs: options.killGraceMs }),
      };
      const result = await runProcess(
        {
          argv: script.command,
          cwd: options.cwd,
          env: toDeployEnv(options.baseEnv, command, script.environment),
          timeoutMs: script.timeoutMs,
          maxOutputBytes: options.maxTailBytes ?? 65_536,
          logFile: logPath,
        },
        seams,
      );
      const summary = describeDeployRun(result, script.timeoutMs);
      const details = result.spawnError === undefined ? lastLines(result.outputTail, DETAIL_LINES) : summary;
      const record = toRecord(command, startedAt, clock(), details, result.logError === undefined ? logPath : null);
      const ok = result.exitCode === 0 && !result.timedOut;
      return { ok, summary: save(options.records, record, summary) };
    },
  };
}

function toRecord(
  command: StartDeploy,
  startedAt: number,
  finishedAt: number,
  details: string,
  logPath: string | null,
): RunRecord {
  return {
    rolloutId: command.rolloutId,
    kind: 'deploy',
    name: command.stage,
    attempt: command.epoch,
    startedAt,
    finishedAt,
    details,
    logPath,
  };
}

/**
 * Saves the record; the deploy has happened whatever the database says, so a failed write only
 * adds a note to the summary instead of turning a done deploy into an error.
 */
function save(records: RunRecorder, record: RunRecord, summary: string): string {
  try {
    records.record(record);
    return summary;
  } catch (error) {
    return `${summary} (run record not saved: ${error instanceof Error ? error.message : String(error)})`;
  }
}
