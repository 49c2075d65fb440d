import type { StartDeploy } from '../../core/types.ts';
import { withoutSecrets } from './without-secrets.ts';

/**
 * The environment of a deploy script: the operator's environment (scripts are trusted config and
 * usually need cloud credentials from it) minus shiplock's own secrets, which no script needs,
 * plus the contract of docs/DESIGN "Outside contracts".
 */
export function toDeployEnv(
  baseEnv: Readonly<Record<string, string | undefined>>,
  command: StartDeploy,
  environment: string,
): Readonly<Record<string, string>> {
  return {
    ...withoutSecrets(baseEnv),
    SHIPLOCK_ROLLOUT_ID: command.rolloutId,
    SHIPLOCK_REPO: command.repo,
    SHIPLOCK_PR: String(command.pr),
    SHIPLOCK_SHA: command.sha,
    SHIPLOCK_STAGE: command.stage,
    SHIPLOCK_ENVIRONMENT: environment,
    SHIPLOCK_IDEMPOTENCY_KEY: command.idempotencyKey,
    SHIPLOCK_EPOCH: String(command.epoch),
  };
}
