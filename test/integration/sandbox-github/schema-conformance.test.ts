import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitHubApi } from '../../../src/adapters/github/github-api.ts';
import type { GitHubStandIn, RecordedCall } from '../../../src/sandbox/github/index.ts';
import { octokitFor, SAMPLE_DIFF, startGitHub } from './start-github.ts';
import { validateResponse } from './validate-response.ts';

const REPO = 'acme/api';
let standIn: GitHubStandIn;
let api: GitHubApi;

/** Drives every endpoint and most error answers through the real Octokit. */
async function exercise(): Promise<void> {
  const pull = standIn.openPullRequest({ repo: REPO, author: 'alice', body: null, diff: SAMPLE_DIFF });
  standIn.openPullRequest({
    repo: REPO,
    author: 'bob',
    fork: 'bob/api',
    commits: [{ author: { name: 'B', email: 'b@x.io' } }],
  });
  const sha = pull.commits.at(-1)?.sha ?? '';
  standIn.addComment(REPO, pull.number, { author: 'carol', body: 'hi' });
  standIn.completeCheckRun(REPO, sha, 'build', 'success');
  await api.listOpenPullRequests(REPO);
  await api.getPullRequest(REPO, pull.number);
  await api.getDiff(REPO, pull.number);
  await api.listCommitAuthors(REPO, 2);
  await api.listComments(REPO, pull.number);
  await api.listCheckRuns(REPO, sha, 'build');
  const check = { repo: REPO, sha, name: 'shiplock / tests', externalId: 'r1:t', summary: 's', title: 't' };
  await api.reportCheckRun({ ...check, status: 'in_progress' });
  await api.reportCheckRun({ ...check, status: 'completed', conclusion: 'success', detailsUrl: 'https://x.test/r1' });
  const deploy = {
    repo: REPO,
    sha,
    environment: 'staging',
    externalId: 'r1:s',
    productionEnvironment: false,
    logUrl: 'https://x.test/r1',
  };
  await api.reportDeployment({ ...deploy, state: 'in_progress', description: 'go' });
  await api.reportDeployment({ ...deploy, state: 'success', description: 'done' });
  const octokit = octokitFor(standIn);
  await octokit.rest.repos.createCommitStatus({ owner: 'acme', repo: 'api', sha, state: 'success', context: 'ci' });
  await octokit.rest.repos.listDeploymentStatuses({
    owner: 'acme',
    repo: 'api',
    deployment_id: standIn.deployments(REPO)[0]?.id ?? 0,
  });
  await octokit.rest.rateLimit.get();
  await api.getPullRequest(REPO, 999).catch(() => undefined);
  await octokit.rest.repos
    .createCommitStatus({ owner: 'acme', repo: 'api', sha, state: 'error', description: 'x'.repeat(141) })
    .catch(() => undefined);
  await octokit.rest.repos.createDeployment({ owner: 'acme', repo: 'api', ref: 'nope' }).catch(() => undefined);
  await octokitFor(standIn, 'ghp_bad')
    .rest.pulls.list({ owner: 'acme', repo: 'api' })
    .catch(() => undefined);
  const classic = octokitFor(standIn, standIn.classicToken);
  await classic.rest.checks.create({ owner: 'acme', repo: 'api', name: 'x', head_sha: sha }).catch(() => undefined);
}

/** The raw diff is text, not JSON; only JSON answers have a schema. */
function isJson(call: RecordedCall): boolean {
  return call.headers['content-type']?.startsWith('application/json') === true;
}

beforeAll(async () => {
  ({ standIn, api } = await startGitHub());
  await exercise();
});
afterAll(async () => {
  await standIn.close();
});

describe("every answer follows GitHub's OpenAPI description", () => {
  it('covers every route shiplock uses, successes and errors', () => {
    const seen = new Set(standIn.calls.map((call) => `${call.method} ${call.route} ${call.status}`));
    for (const expected of [
      'GET /repos/{owner}/{repo}/pulls 200',
      'GET /repos/{owner}/{repo}/pulls/{pull_number} 200',
      'GET /repos/{owner}/{repo}/pulls/{pull_number} 404',
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits 200',
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments 200',
      'GET /repos/{owner}/{repo}/commits/{ref}/check-runs 200',
      'POST /repos/{owner}/{repo}/check-runs 201',
      'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id} 200',
      'POST /repos/{owner}/{repo}/statuses/{sha} 201',
      'POST /repos/{owner}/{repo}/deployments 201',
      'POST /repos/{owner}/{repo}/deployments 422',
      'GET /repos/{owner}/{repo}/deployments 200',
      'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses 201',
      'GET /rate_limit 200',
      'GET /repos/{owner}/{repo}/pulls 401',
      'POST /repos/{owner}/{repo}/check-runs 403',
    ]) {
      expect(seen).toContain(expected);
    }
  });

  it('validates each recorded JSON answer against its operation', () => {
    const problems = standIn.calls.filter(isJson).flatMap((call) => {
      const found = validateResponse(call.method, call.route, call.status, call.responseBody);
      return found.map((problem) => `${call.method} ${call.path} ${call.status}: ${problem}`);
    });
    expect(problems).toEqual([]);
    expect(standIn.calls.filter(isJson).length).toBeGreaterThan(15);
  });

  it('would notice a wrong shape (the validator can fail)', () => {
    const [pulls] = standIn.callsTo('GET /repos/{owner}/{repo}/pulls');
    const first = (pulls?.responseBody as object[] | undefined)?.[0] ?? {};
    const broken = [{ ...first, head: { sha: 42 } }];
    expect(validateResponse('GET', '/repos/{owner}/{repo}/pulls', 200, broken)).not.toEqual([]);
    expect(validateResponse('GET', '/repos/{owner}/{repo}/pulls/{pull_number}', 404, { message: 1 })).not.toEqual([]);
  });
});
