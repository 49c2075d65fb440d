import type { DeployWindow } from '../../config/types.ts';
import type { Freeze, PreflightFacts, Rollout } from '../../core/types.ts';
import type { Clock, PreflightChecker } from '../../shell/ports.ts';
import type { GitHubApi } from '../github/github-api.ts';
import { findDeployWindow } from './find-deploy-window.ts';

/** What the preflight reads. */
export interface PreflightCheckerOptions {
  readonly api: Pick<GitHubApi, 'getPullRequest'>;
  readonly freezeOf: (repo: string) => Freeze | null;
  readonly windows: readonly DeployWindow[];
  readonly clock: Clock;
}

/**
 * The facts checked right before production: the PR head as GitHub reports it now (a push during
 * the lock cancels), the freeze as stored now, the deploy window, and the canary's latest verdict.
 * A GitHub failure throws: the shell retries the preflight and production waits.
 */
export function createPreflightChecker(options: PreflightCheckerOptions): PreflightChecker {
  return {
    async check(rollout: Rollout): Promise<PreflightFacts> {
      const pr = await options.api.getPullRequest(rollout.pr.repo, rollout.pr.number);
      const window = findDeployWindow(options.windows, options.clock.now());
      return {
        headSha: pr.headSha,
        // The watched canary's last look; a canary never judged is not healthy.
        canary: rollout.canary.verdict ?? 'inconclusive',
        freeze: options.freezeOf(rollout.pr.repo),
        windowOpen: window.open,
        nextWindowAt: window.nextAt,
      };
    },
  };
}
