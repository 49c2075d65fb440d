import type { CanaryMetricConfig } from '../../config/types.ts';
import type { EpochMs } from '../../core/types.ts';

/** What the verifier needs to know about a rollout's production deploy and its repository's checks. */
export interface VerificationTarget {
  readonly rolloutId: string;
  readonly repo: string;
  readonly pr: number;
  readonly sha: string;
  /** The production deploy's epoch (`SHIPLOCK_EPOCH`). */
  readonly epoch: number;
  /** The production deployment environment (`SHIPLOCK_ENVIRONMENT`). */
  readonly environment: string;
  /** When the production deploy was claimed, right before its script started. */
  readonly deployStartedAt: EpochMs;
  /** When the production script ended. */
  readonly deployFinishedAt: EpochMs;
  /** The metrics check, or null when the repository does not run it. */
  readonly metrics: { readonly service: string; readonly metrics: readonly CanaryMetricConfig[] } | null;
  /** The health command, or null when none is configured. */
  readonly command: { readonly argv: readonly string[]; readonly timeoutMs: number } | null;
}

/** The outcome of one check: a value, never a throw. `summary` is one line written by shiplock. */
export interface CheckResult {
  readonly ok: boolean;
  readonly summary: string;
}
