import { formatPath } from './format-path.ts';
import { field, items } from './raw-access.ts';
import type { ConfigError } from './types.ts';

/**
 * Checks each repository's `verification` against the rest: the metrics check asked for
 * explicitly needs a Prometheus URL (from the file or `PROMETHEUS_URL`, hence `hasPrometheus`), and
 * the window is written once, as `verification.duration` or as its older spelling `verification_window`.
 */
export function checkVerification(raw: unknown, hasPrometheus: boolean): ConfigError[] {
  const errors: ConfigError[] = [];
  items(field(raw, 'repositories')).forEach((repo, r) => {
    const verification = field(repo, 'verification');
    if (field(field(verification, 'checks'), 'metrics') === true && !hasPrometheus) {
      errors.push({
        path: formatPath(['repositories', r, 'verification', 'checks', 'metrics']),
        message:
          'needs Prometheus: set canary.prometheus_url (or PROMETHEUS_URL), or set it to false and verify with checks.command',
      });
    }
    if (field(verification, 'duration') !== undefined && field(repo, 'verification_window') !== undefined) {
      errors.push({
        path: formatPath(['repositories', r, 'verification_window']),
        message:
          'is the older spelling of verification.duration, which is also written; keep only verification.duration',
      });
    }
  });
  return errors;
}
