import type { RawRepository } from './repository-schema.ts';
import type { VerificationConfig } from './types.ts';
import { DEFAULT_METRICS_VERIFICATION_MS, DEFAULT_VERIFICATION_MS } from './verification-defaults.ts';

/**
 * A repository's verification: the metrics check runs unless turned off, when a Prometheus URL is
 * configured; the window defaults to one the metrics check can judge when it runs, else 5 minutes.
 * `verification_window` is the older spelling of `verification.duration`.
 */
export function toVerificationConfig(
  repo: RawRepository,
  hasPrometheus: boolean,
): { readonly durationMs: number; readonly verification: VerificationConfig } {
  const { checks } = repo.verification;
  const metrics = checks.metrics ?? hasPrometheus;
  const written = repo.verification.duration ?? repo.verification_window;
  return {
    durationMs: written ?? (metrics ? DEFAULT_METRICS_VERIFICATION_MS : DEFAULT_VERIFICATION_MS),
    verification: {
      metrics,
      ...(checks.command === undefined ? {} : { command: checks.command }),
      commandTimeoutMs: checks.command_timeout,
    },
  };
}
