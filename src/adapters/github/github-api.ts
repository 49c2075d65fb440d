/**
 * What shiplock asks of GitHub, as one interface: the intake, the reconciler, the workspace, the
 * reviewer and the reporter depend on this, and `createGitHubApi` implements it with Octokit.
 * Every answer is already parsed (zod) from GitHub's hostile JSON into these plain shapes.
 */

/** A pull request as shiplock needs it. `repo` is `owner/name`. */
export interface PullRequestSnapshot {
  readonly repo: string;
  readonly number: number;
  readonly state: 'open' | 'closed';
  readonly draft: boolean;
  /** The head commit, 40 hex characters. */
  readonly headSha: string;
  readonly title: string;
  /** The PR body; empty when GitHub sends `null`. Untrusted text. */
  readonly body: string;
  /** The PR author's login. */
  readonly author: string;
  readonly htmlUrl: string;
  /** Where the head commit can be fetched from (the head repository's clone URL). */
  readonly cloneUrl: string;
}

/** A check run on a commit, as the check gate reads it. */
export interface CheckRunSnapshot {
  readonly id: number;
  readonly name: string;
  readonly status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  /** Set once `status` is `completed`. */
  readonly conclusion:
    | 'success'
    | 'failure'
    | 'neutral'
    | 'cancelled'
    | 'skipped'
    | 'timed_out'
    | 'action_required'
    | 'stale'
    | null;
  readonly htmlUrl: string;
}

/** A comment on the PR conversation (for the advisory reviewer; untrusted text). */
export interface PullRequestComment {
  readonly author: string;
  readonly body: string;
}

/** One check run shiplock writes for a gate. */
export interface CheckRunReport {
  readonly repo: string;
  readonly sha: string;
  /** `shiplock / <gate name>`. */
  readonly name: string;
  /** Stable per rollout and gate, so a retried report updates instead of duplicating. */
  readonly externalId: string;
  readonly status: 'queued' | 'in_progress' | 'completed';
  readonly conclusion?: 'success' | 'failure' | 'neutral' | 'cancelled' | 'timed_out' | 'action_required';
  readonly title: string;
  readonly summary: string;
  readonly detailsUrl?: string;
}

/** A GitHub Deployment shiplock records for a stage. */
export interface DeploymentReport {
  readonly repo: string;
  readonly sha: string;
  /** staging, canary, production (the configured environment name). */
  readonly environment: string;
  /** Stable per rollout, stage and epoch: a retried report finds the deployment instead of duplicating it. */
  readonly externalId: string;
  readonly state: 'in_progress' | 'success' | 'failure' | 'inactive' | 'error';
  readonly description: string;
  readonly logUrl?: string;
  readonly productionEnvironment: boolean;
}

/** The GitHub calls shiplock makes. Methods throw `Error('shiplock_github_…: …')` on failure. */
export interface GitHubApi {
  getPullRequest(repo: string, number: number): Promise<PullRequestSnapshot>;
  /** Every open pull request of the repository (all pages). */
  listOpenPullRequests(repo: string): Promise<readonly PullRequestSnapshot[]>;
  /** Authors of every commit in the PR: logins, or `email:<address>` for commits without a GitHub user. */
  listCommitAuthors(repo: string, number: number): Promise<readonly string[]>;
  /** The PR's unified diff (`application/vnd.github.diff`). */
  getDiff(repo: string, number: number): Promise<string>;
  listComments(repo: string, number: number): Promise<readonly PullRequestComment[]>;
  /** Check runs with this name on the commit (newest first). */
  listCheckRuns(repo: string, sha: string, checkName: string): Promise<readonly CheckRunSnapshot[]>;
  /** Creates the check run, or updates the one with the same external id on the same SHA. */
  reportCheckRun(report: CheckRunReport): Promise<void>;
  /** Creates the deployment once per external id, then adds a status to it. */
  reportDeployment(report: DeploymentReport): Promise<void>;
}
