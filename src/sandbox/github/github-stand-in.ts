import type {
  Clock,
  ForcedFailure,
  GitHubChange,
  RecordedCall,
  SeedCommit,
  SeedToken,
  StoredCheckRun,
  StoredComment,
  StoredDeployment,
  StoredPull,
  StoredRepository,
  StoredStatus,
} from './types.ts';

/** How to seed and tune the stand-in. Every field is optional. */
export interface GitHubStandInOptions {
  /** Accepted tokens (default: {@link DEFAULT_INSTALLATION_TOKEN} and {@link DEFAULT_CLASSIC_TOKEN}). */
  readonly tokens?: readonly SeedToken[];
  /** Milliseconds since the epoch (default `Date.now`): timestamps and rate-limit windows. */
  readonly clock?: Clock;
  /** Base of `html_url`s (default `https://github.com`). */
  readonly htmlBase?: string;
  /** `clone_url` of a repository (default `<htmlBase>/<owner>/<repo>.git`); point it at a local repository. */
  readonly cloneUrl?: (fullName: string) => string;
  /** Primary rate limit per token per hour (default 5,000, as for a user token). */
  readonly rateLimit?: number;
  /** Port on 127.0.0.1 (default 0: an ephemeral port). */
  readonly port?: number;
}

/** A pull request to open. */
export interface OpenPullRequestOptions {
  readonly repo: string;
  readonly author: string;
  /** Default: the next free number in the repository. */
  readonly number?: number;
  readonly title?: string;
  /** `null` is what GitHub sends for an empty description. */
  readonly body?: string | null;
  readonly draft?: boolean;
  /** Head branch (default `change-<number>`). */
  readonly headRef?: string;
  /** `owner/name` of a fork the head branch lives in. */
  readonly fork?: string;
  /** Default: one commit by the author. */
  readonly commits?: readonly SeedCommit[];
  /** What the diff media type returns (default empty). */
  readonly diff?: string;
}

/** A push to a pull request's head branch. */
export interface PushOptions {
  readonly commits: readonly SeedCommit[];
  /** The PR's new diff (default: unchanged). */
  readonly diff?: string;
}

/** A running stand-in: GitHub's REST API on loopback, its state, its records, and a developer's hands. */
export interface GitHubStandIn {
  /** `http://127.0.0.1:<port>`: `new Octokit({ auth: standIn.token, baseUrl: standIn.url })`. */
  readonly url: string;
  /** An installation token (`ghs_…`): may write check runs. */
  readonly token: string;
  /** A classic personal access token (`ghp_…`): the checks API refuses writes with 403. */
  readonly classicToken: string;
  /** Every request, in arrival order, with its answer. */
  readonly calls: readonly RecordedCall[];
  /** Calls of one route, `METHOD /openapi/{template}`, e.g. `POST /repos/{owner}/{repo}/check-runs`. */
  callsTo(route: string): readonly RecordedCall[];
  /** The repository's state, created on first mention (branch `main` with one commit). */
  repository(fullName: string): StoredRepository;
  openPullRequest(options: OpenPullRequestOptions): StoredPull;
  /** Pushes commits to the PR head (a `synchronize`); returns the new head SHA. */
  push(repo: string, number: number, options: PushOptions): string;
  closePullRequest(repo: string, number: number, options?: { readonly merged?: boolean }): void;
  addComment(repo: string, number: number, comment: { readonly author: string; readonly body: string }): StoredComment;
  /** CI (another GitHub App) starts a check run on `sha`. */
  startCheckRun(repo: string, sha: string, name: string): StoredCheckRun;
  /** CI completes its check run `name` on `sha` (starting one if needed). */
  completeCheckRun(repo: string, sha: string, name: string, conclusion: string): StoredCheckRun;
  checkRuns(repo: string, sha?: string): readonly StoredCheckRun[];
  statuses(repo: string, sha?: string): readonly StoredStatus[];
  deployments(repo: string): readonly StoredDeployment[];
  /**
   * Fails the next request(s) of a route (`METHOD /openapi/{template}` or `METHOD /concrete/path`).
   * 403 and 429 are secondary rate limits with `retry-after` unless `retryAfter: 0`.
   */
  failNext(route: string, status: number, options?: Omit<ForcedFailure, 'status'>): void;
  /** Tells `listener` of every state change (the hook a webhook sender subscribes to); returns unsubscribe. */
  onChange(listener: (change: GitHubChange) => void): () => void;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/**
 * The default installation token. The prefix tells its kind, as GitHub's do; the hyphens keep it
 * from looking like a real token to secret scanners (ours included).
 */
export const DEFAULT_INSTALLATION_TOKEN = 'ghs_sandbox-installation-token';
/** The default classic token. */
export const DEFAULT_CLASSIC_TOKEN = 'ghp_sandbox-classic-token';
