import { join } from 'node:path';
import { runProcess } from '../process/run-process.ts';
import { describeHealthRun } from './describe-health-run.ts';
import { toHealthCommandEnv } from './to-health-command-env.ts';
import type { CheckResult, VerificationTarget } from './verification-target.ts';

/** What {@link createHealthCheck} needs. */
export interface HealthCheckOptions {
  /** Working directory of the command: the configuration file's, like the deploy scripts. */
  readonly cwd: string;
  /** shiplock's environment; its own secrets are removed before the command sees it. */
  readonly baseEnv: Readonly<Record<string, string | undefined>>;
  /** Whole outputs go to `logDir/<rolloutId>/verification-epoch<epoch>.log`; none kept when absent. */
  readonly logDir?: string;
  /** Output kept in memory for the summary (default 16 KiB). */
  readonly maxTailBytes?: number;
  /** SIGTERM → SIGKILL grace at the time limit (default 2 s). */
  readonly killGraceMs?: number;
}

/** Runs a target's health command. */
export type HealthCheck = (
  target: VerificationTarget & { readonly command: NonNullable<VerificationTarget['command']> },
) => Promise<CheckResult>;

/**
 * The health command check: the operator's command from trusted config, run like a deploy script
 * (own process group, time limit on the whole group, the `SHIPLOCK_*` contract, no shiplock
 * secrets, whole output in a log file). Exit 0 passes; see `describeHealthRun` for the rest.
 */
export function createHealthCheck(options: HealthCheckOptions): HealthCheck {
  return async (target) => {
    const { argv, timeoutMs } = target.command;
    const safeId = target.rolloutId.replace(/[^A-Za-z0-9_-]/g, '_') || '_';
    const result = await runProcess(
      {
        argv,
        cwd: options.cwd,
        env: toHealthCommandEnv(options.baseEnv, target),
        timeoutMs,
        maxOutputBytes: options.maxTailBytes ?? 16_384,
        ...(options.logDir === undefined
          ? {}
          : { logFile: join(options.logDir, safeId, `verification-epoch${target.epoch}.log`) }),
      },
      options.killGraceMs === undefined ? {} : { killGraceMs: options.killGraceMs },
    );
    return describeHealthRun(result, timeoutMs);
  };
}
