import { withoutSecrets } from '../deployer/without-secrets.ts';
import type { VerificationTarget } from './verification-target.ts';

/**
 * The environment of the health command: like a deploy script's (DESIGN.md, "Outside contracts"),
 * the operator's environment minus shiplock's own secrets plus the `SHIPLOCK_*` contract, for the
 * production deploy being verified; `SHIPLOCK_STAGE` is `verification`, so one script can serve
 * every stage, and `SHIPLOCK_DEPLOYED_AT` says when production finished deploying (epoch ms).
 */
export function toHealthCommandEnv(
  baseEnv: Readonly<Record<string, string | undefined>>,
  target: VerificationTarget,
): Readonly<Record<string, string>> {
  return {
    ...withoutSecrets(baseEnv),
    SHIPLOCK_ROLLOUT_ID: target.rolloutId,
    SHIPLOCK_REPO: target.repo,
    SHIPLOCK_PR: String(target.pr),
    SHIPLOCK_SHA: target.sha,
    SHIPLOCK_STAGE: 'verification',
    SHIPLOCK_ENVIRONMENT: target.environment,
    SHIPLOCK_EPOCH: String(target.epoch),
    SHIPLOCK_DEPLOYED_AT: String(target.deployFinishedAt),
  };
}
