import type { DeploymentStatus, DeployStage, GateStatus, ReportToGitHub } from '../../core/types.ts';
import type { GitHubReporter } from '../../shell/ports.ts';
import type { CheckRunReport, GitHubApi } from './github-api.ts';

/** How the reporter names things; the composition root builds it from the config and the store. */
export interface ReportDescriber {
  /** The gate's display name (the check is named `shiplock / <name>`) and a Markdown summary. */
  gate(rolloutId: string, gateId: string): { readonly name: string; readonly summary: string };
  /** The GitHub environment a stage deploys to, and whether it is production. */
  environment(repo: string, stage: DeployStage): { readonly name: string; readonly production: boolean };
  /** Where a person sees the rollout (check run `details_url`, deployment `log_url`), once known. */
  rolloutUrl?(rolloutId: string): string | undefined;
}

type CheckState = Pick<CheckRunReport, 'status' | 'conclusion' | 'title'>;

/** How each gate status shows as a check run; an error is a failure people must look at. */
const GATE_CHECKS: Record<GateStatus, CheckState> = {
  pending: { status: 'queued', title: 'Waiting to run' },
  running: { status: 'in_progress', title: 'Running' },
  passed: { status: 'completed', conclusion: 'success', title: 'Passed' },
  failed: { status: 'completed', conclusion: 'failure', title: 'Failed' },
  error: { status: 'completed', conclusion: 'failure', title: 'shiplock error' },
};

const DEPLOYMENT_WORDS: Record<DeploymentStatus, string> = {
  in_progress: 'in progress',
  success: 'succeeded',
  failure: 'failed',
  inactive: 'is no longer active',
  error: 'ended with an unknown outcome (shiplock stopped while it ran): check production',
};

/**
 * The `GitHubReporter` port: a gate becomes a check run (or a commit status, see `createGitHubApi`),
 * a deploy stage becomes a GitHub Deployment with a new status. External ids are stable per rollout
 * and gate or stage, so a re-executed command updates what it wrote instead of duplicating it.
 */
export function createGitHubReporter({
  api,
  describe,
}: {
  readonly api: GitHubApi;
  readonly describe: ReportDescriber;
}): GitHubReporter {
  return {
    async report(command: ReportToGitHub): Promise<void> {
      const { rolloutId, repo, sha, report } = command;
      const url = describe.rolloutUrl?.(rolloutId);
      if (report.kind === 'gate') {
        const gate = describe.gate(rolloutId, report.gateId);
        const check = GATE_CHECKS[report.status];
        await api.reportCheckRun({
          repo,
          sha,
          name: `shiplock / ${gate.name}`,
          externalId: `shiplock:${rolloutId}:gate:${report.gateId}`,
          status: check.status,
          ...(check.conclusion === undefined ? {} : { conclusion: check.conclusion }),
          title: check.title,
          summary: gate.summary,
          ...(url === undefined ? {} : { detailsUrl: url }),
        });
        return;
      }
      const environment = describe.environment(repo, report.stage);
      await api.reportDeployment({
        repo,
        sha,
        environment: environment.name,
        externalId: `shiplock:${rolloutId}:deploy:${report.stage}`,
        state: report.status,
        description: `shiplock ${report.stage} deploy ${DEPLOYMENT_WORDS[report.status]}`,
        productionEnvironment: environment.production,
        ...(url === undefined ? {} : { logUrl: url }),
      });
    },
  };
}
