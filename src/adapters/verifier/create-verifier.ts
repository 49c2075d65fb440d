import type { EpochMs, RunVerification } from '../../core/types.ts';
import type { Verifier } from '../../shell/ports.ts';
import type { HealthCheck } from './create-health-check.ts';
import type { MetricsCheck } from './create-metrics-check.ts';
import type { CheckResult, VerificationTarget } from './verification-target.ts';

/** What {@link createVerifier} needs. */
export interface VerifierOptions {
  /** The rollout's finished production deploy and its repository's checks; null when unknown. */
  readonly target: (command: RunVerification) => Promise<VerificationTarget | null>;
  /** The metrics check; null when no Prometheus is configured. */
  readonly metrics: MetricsCheck | null;
  readonly health: HealthCheck;
  readonly now: () => EpochMs;
}

/** Said when a repository has no check at all: what to set. */
export const NOT_CONFIGURED =
  'verification is not configured: set verification.checks.command (a health command) or a Prometheus URL ' +
  '(canary.prometheus_url or PROMETHEUS_URL) for the metrics check; treated as failed';

/**
 * The `Verifier` port: at the end of the verification window it runs the repository's checks —
 * the metrics check and the health command, both when both are configured, side by side — and
 * passes only when every one passed. No check configured, an unknown rollout or a check that
 * throws all fail closed: a verification that cannot run rolls production back. The summary is
 * one line for the card, failures first.
 */
export function createVerifier(options: VerifierOptions): Verifier {
  return {
    verify: async (command) => {
      const target = await guard('target', () => options.target(command));
      if (target === null || 'summary' in target) {
        return {
          ok: false,
          summary: target?.summary ?? 'could not verify: no finished production deploy for this rollout',
        };
      }
      const checks: Promise<CheckResult>[] = [];
      const { metrics, command: health } = target;
      if (metrics !== null) {
        const check = options.metrics;
        checks.push(
          check === null
            ? Promise.resolve({ ok: false, summary: 'could not verify: the metrics check needs a Prometheus URL' })
            : guard('metrics', () => check({ ...target, metrics }, options.now())),
        );
      }
      if (health !== null) checks.push(guard('health', () => options.health({ ...target, command: health })));
      if (checks.length === 0) return { ok: false, summary: NOT_CONFIGURED };
      const results = await Promise.all(checks);
      const ok = results.every((r) => r.ok);
      const ordered = [...results.filter((r) => !r.ok), ...results.filter((r) => r.ok)];
      return { ok, summary: ordered.map((r) => r.summary).join(' · ') };
    },
  };
}

/** Runs a step; a throw becomes a failed check with a stable code, never an unhandled rejection. */
async function guard<T>(step: string, run: () => Promise<T>): Promise<T | CheckResult> {
  try {
    return await run();
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 200);
    return { ok: false, summary: `could not verify: shiplock_verification_${step}_failed: ${detail}` };
  }
}
