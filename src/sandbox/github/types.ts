/** JSON as the stand-in reads and writes it. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** A JSON object. */
export type JsonObject = { readonly [key: string]: Json };

/** Milliseconds since the epoch. */
export type Clock = () => number;

/** Who a token acts as; check runs can only be written by a GitHub App (installation token). */
export interface SeedToken {
  readonly token: string;
  readonly kind: 'installation' | 'classic';
  /** The login the token acts as (default `shiplock[bot]` for installations, `octocat` otherwise). */
  readonly login?: string;
}

/** A commit as a test seeds it. No `login` means the author has no GitHub account. */
export interface SeedCommit {
  readonly sha?: string;
  readonly message?: string;
  readonly author: { readonly login?: string; readonly name?: string; readonly email?: string };
}

/** A stored commit. */
export interface StoredCommit {
  readonly sha: string;
  readonly message: string;
  readonly author: { readonly login: string | null; readonly name: string; readonly email: string };
  readonly parents: readonly string[];
  readonly at: number;
}

/** A stored pull request. */
export interface StoredPull {
  readonly id: number;
  readonly number: number;
  title: string;
  body: string | null;
  readonly author: string;
  draft: boolean;
  state: 'open' | 'closed';
  merged: boolean;
  readonly headRef: string;
  readonly baseRef: string;
  /** The repository the head branch lives in (`owner/name`): the base repository, or a fork. */
  readonly headRepo: string;
  baseSha: string;
  commits: StoredCommit[];
  diff: string;
  readonly createdAt: number;
  updatedAt: number;
  closedAt: number | null;
}

/** A PR conversation comment. */
export interface StoredComment {
  readonly id: number;
  readonly issue: number;
  readonly author: string;
  body: string;
  readonly createdAt: number;
  updatedAt: number;
}

/** Which app wrote a check run: shiplock's installation, or the CI a test simulates. */
export type CheckApp = 'token' | 'ci';

/** A stored check run. */
export interface StoredCheckRun {
  readonly id: number;
  readonly headSha: string;
  readonly suiteId: number;
  readonly app: CheckApp;
  name: string;
  status: string;
  conclusion: string | null;
  externalId: string;
  detailsUrl: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  startedAt: number;
  completedAt: number | null;
}

/** A stored commit status. */
export interface StoredStatus {
  readonly id: number;
  readonly sha: string;
  readonly state: string;
  readonly description: string | null;
  readonly targetUrl: string | null;
  readonly context: string;
  readonly creator: string;
  readonly at: number;
}

/** A stored deployment status. */
export interface StoredDeploymentStatus {
  readonly id: number;
  readonly state: string;
  readonly description: string;
  readonly environment: string;
  readonly logUrl: string;
  readonly environmentUrl: string;
  readonly creator: string;
  readonly at: number;
}

/** A stored deployment, with its statuses oldest first. */
export interface StoredDeployment {
  readonly id: number;
  readonly sha: string;
  readonly ref: string;
  readonly task: string;
  readonly environment: string;
  readonly payload: Json;
  readonly description: string | null;
  readonly transient: boolean;
  readonly production: boolean;
  readonly creator: string;
  readonly at: number;
  readonly statuses: StoredDeploymentStatus[];
}

/** One repository's state. */
export interface StoredRepository {
  readonly id: number;
  readonly fullName: string;
  readonly defaultBranch: string;
  readonly branches: Map<string, string>;
  readonly pulls: Map<number, StoredPull>;
  readonly comments: StoredComment[];
  readonly checkRuns: StoredCheckRun[];
  readonly statuses: StoredStatus[];
  readonly deployments: StoredDeployment[];
  /** Every commit known to the repository, by SHA. */
  readonly commits: Map<string, StoredCommit>;
}

/** One request the stand-in answered, in arrival order. */
export interface RecordedCall {
  readonly method: string;
  /** The OpenAPI path template (`/repos/{owner}/{repo}/pulls`), or the raw path when no route matched. */
  readonly route: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly accept: string;
  readonly requestBody: Json | undefined;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON answer, or the text for the diff media type. */
  readonly responseBody: Json | undefined;
}

/** A failure forced on the next matching request(s). */
export interface ForcedFailure {
  readonly status: number;
  /** Default: GitHub's body for that status (secondary rate limit for 403/429 with `retryAfter`). */
  readonly body?: JsonObject;
  /** Seconds for `retry-after`; 403/429 default to 60 (a secondary rate limit). */
  readonly retryAfter?: number;
  /** How many requests fail (default 1). */
  readonly times?: number;
}

/** A state change a webhook sender can turn into a delivery (event name as GitHub names it). */
export type GitHubChange =
  | {
      readonly event: 'pull_request';
      readonly action: 'opened' | 'synchronize' | 'closed' | 'reopened' | 'edited' | 'ready_for_review';
      readonly repo: string;
      readonly number: number;
    }
  | {
      readonly event: 'issue_comment';
      readonly action: 'created';
      readonly repo: string;
      readonly number: number;
      readonly commentId: number;
    }
  | {
      readonly event: 'check_run';
      readonly action: 'created' | 'completed';
      readonly repo: string;
      readonly checkRunId: number;
    }
  | { readonly event: 'status'; readonly repo: string; readonly statusId: number }
  | { readonly event: 'deployment'; readonly action: 'created'; readonly repo: string; readonly deploymentId: number }
  | {
      readonly event: 'deployment_status';
      readonly action: 'created';
      readonly repo: string;
      readonly deploymentId: number;
      readonly statusId: number;
    };
