import { join } from 'node:path';
import type { DeployStage } from '../../core/types.ts';

/**
 * `logDir/<rolloutId>/<stage>-epoch<epoch>.log`. The rollout id is ours, but it becomes a path:
 * anything but letters, digits, `_` and `-` is replaced so it can never climb out of logDir.
 */
export function toDeployLogPath(logDir: string, rolloutId: string, stage: DeployStage, epoch: number): string {
  const safeId = rolloutId.replace(/[^A-Za-z0-9_-]/g, '_') || '_';
  return join(logDir, safeId, `${stage}-epoch${epoch}.log`);
}
