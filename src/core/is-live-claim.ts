import type { DeployState } from './types.ts';

/**
 * Whether a deploy result is about `deploy`, the claim it names, while that claim is still open:
 * the same epoch, and not ended yet — a start only while it is merely claimed, a finish or an
 * unknown outcome while it is claimed or running (at most once, I2). One rule for every claim: a
 * rollout's own, the rollback a human chose after an unknown production outcome (issue #6), and
 * the shell's fence before a deploy script starts (a `StartDeploy` runs only what a `DeployStarted`
 * would be accepted for).
 */
export function isLiveClaim(
  deploy: DeployState,
  result: { readonly type: 'DeployStarted' | 'DeployFinished' | 'DeployOutcomeUnknown'; readonly epoch: number },
): boolean {
  if (deploy.epoch !== result.epoch) return false;
  return deploy.status === 'claimed' || (deploy.status === 'running' && result.type !== 'DeployStarted');
}
