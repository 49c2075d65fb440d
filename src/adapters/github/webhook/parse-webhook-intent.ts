import type { ZodError } from 'zod';
import type { PullRequestInfo } from '../../../core/types.ts';
import { checkRunPayload, checkSuitePayload, pullRequestPayload } from './webhook-payload-schemas.ts';

/** The PR facts a payload carries; `commitAuthors` is fetched from GitHub afterwards. */
export type PullRequestFacts = Omit<PullRequestInfo, 'commitAuthors'>;

/** What a stored delivery asks shiplock to do, before any repository or GitHub lookup. */
export type WebhookIntent =
  | { readonly kind: 'head'; readonly type: 'PullRequestOpened' | 'PullRequestPushed'; readonly pr: PullRequestFacts }
  | { readonly kind: 'closed'; readonly repo: string; readonly number: number }
  | { readonly kind: 'check_completed'; readonly repo: string; readonly sha: string; readonly checkName: string }
  | { readonly kind: 'ignore'; readonly reason: string }
  | { readonly kind: 'malformed'; readonly reason: string };

/** check_suite completions name no single check: `*` tells the listener to re-read every watched check. */
export const ANY_CHECK = '*';

const HEAD_ACTIONS: Readonly<Record<string, 'PullRequestOpened' | 'PullRequestPushed'>> = {
  opened: 'PullRequestOpened',
  reopened: 'PullRequestOpened',
  ready_for_review: 'PullRequestOpened',
  synchronize: 'PullRequestPushed',
};

/**
 * Parses one delivery's body (untrusted JSON) into an intent. Never throws: a body that is not
 * JSON or not the expected shape is `malformed` with the reason, anything shiplock does not act on
 * is `ignore` with the reason.
 */
export function parseWebhookIntent(event: string, body: string): WebhookIntent {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { kind: 'malformed', reason: 'shiplock_github_webhook_malformed_json: the body is not JSON.' };
  }
  switch (event) {
    case 'pull_request':
      return fromPullRequest(json);
    case 'check_run':
      return fromCheckRun(json);
    case 'check_suite':
      return fromCheckSuite(json);
    default:
      return { kind: 'ignore', reason: `event ${event} is not used` };
  }
}

function fromPullRequest(json: unknown): WebhookIntent {
  const parsed = pullRequestPayload.safeParse(json);
  if (!parsed.success) return malformed('pull_request', parsed.error);
  const { action, repository, pull_request: pr } = parsed.data;
  if (action === 'closed') return { kind: 'closed', repo: repository.full_name, number: pr.number };
  const type = HEAD_ACTIONS[action];
  if (type === undefined) return { kind: 'ignore', reason: `pull_request ${action} is not used` };
  // Drafts wait: `ready_for_review` starts their rollout.
  if (pr.draft) return { kind: 'ignore', reason: `pull_request ${action} on a draft` };
  const facts: PullRequestFacts = {
    repo: repository.full_name,
    number: pr.number,
    sha: pr.head.sha,
    title: pr.title,
    author: pr.user.login,
    url: pr.html_url,
  };
  return { kind: 'head', type, pr: facts };
}

function fromCheckRun(json: unknown): WebhookIntent {
  const parsed = checkRunPayload.safeParse(json);
  if (!parsed.success) return malformed('check_run', parsed.error);
  const { action, repository, check_run: run } = parsed.data;
  if (action !== 'completed') return { kind: 'ignore', reason: `check_run ${action} is not used` };
  return { kind: 'check_completed', repo: repository.full_name, sha: run.head_sha, checkName: run.name };
}

function fromCheckSuite(json: unknown): WebhookIntent {
  const parsed = checkSuitePayload.safeParse(json);
  if (!parsed.success) return malformed('check_suite', parsed.error);
  const { action, repository, check_suite: suite } = parsed.data;
  if (action !== 'completed') return { kind: 'ignore', reason: `check_suite ${action} is not used` };
  return { kind: 'check_completed', repo: repository.full_name, sha: suite.head_sha, checkName: ANY_CHECK };
}

function malformed(event: string, error: ZodError): WebhookIntent {
  const where = error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  return { kind: 'malformed', reason: `shiplock_github_webhook_payload: ${event} payload ${where.join('; ')}` };
}
