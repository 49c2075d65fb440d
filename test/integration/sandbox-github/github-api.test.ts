import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubApi } from '../../../src/adapters/github/create-github-api.ts';
import type { GitHubApi } from '../../../src/adapters/github/github-api.ts';
import type { GitHubStandIn } from '../../../src/sandbox/github/index.ts';
import { octokitFor, SAMPLE_DIFF, startGitHub } from './start-github.ts';

const REPO = 'acme/api';
const CHECKS_CREATE = 'POST /repos/{owner}/{repo}/check-runs';

let standIn: GitHubStandIn;
let api: GitHubApi;

beforeEach(async () => {
  ({ standIn, api } = await startGitHub());
});
afterEach(async () => {
  await standIn.close();
});

describe('pull requests', () => {
  it('reads one pull request, with a null body as empty text', async () => {
    const pull = standIn.openPullRequest({ repo: REPO, author: 'alice', title: 'Add greeting', body: null });
    const snapshot = await api.getPullRequest(REPO, pull.number);
    expect(snapshot).toEqual({
      repo: REPO,
      number: pull.number,
      state: 'open',
      draft: false,
      headSha: pull.commits.at(-1)?.sha,
      title: 'Add greeting',
      body: '',
      author: 'alice',
      htmlUrl: `https://github.com/${REPO}/pull/${pull.number}`,
      cloneUrl: `https://github.com/${REPO}.git`,
    });
  });

  it('takes the clone URL of a fork the head lives in', async () => {
    const pull = standIn.openPullRequest({ repo: REPO, author: 'mallory', fork: 'mallory/api', draft: true });
    const snapshot = await api.getPullRequest(REPO, pull.number);
    expect(snapshot.cloneUrl).toBe('https://github.com/mallory/api.git');
    expect(snapshot.draft).toBe(true);
  });

  it('lists every open pull request across 3 pages of 100', async () => {
    for (let i = 0; i < 230; i += 1) standIn.openPullRequest({ repo: REPO, author: `dev${i % 7}` });
    standIn.closePullRequest(REPO, 5, { merged: true });
    const open = await api.listOpenPullRequests(REPO);
    expect(open).toHaveLength(229);
    expect(new Set(open.map((pull) => pull.number)).size).toBe(229);
    expect(open.some((pull) => pull.number === 5)).toBe(false);
    const pages = standIn.callsTo('GET /repos/{owner}/{repo}/pulls');
    expect(pages.map((call) => call.query.page ?? '1')).toEqual(['1', '2', '3']);
    expect(pages[0]?.headers.link).toContain('rel="next"');
    expect(pages[2]?.headers.link).not.toContain('rel="next"');
  });

  it('reads the diff with the diff media type', async () => {
    const pull = standIn.openPullRequest({ repo: REPO, author: 'alice', diff: SAMPLE_DIFF });
    expect(await api.getDiff(REPO, pull.number)).toBe(SAMPLE_DIFF);
    const [call] = standIn.callsTo('GET /repos/{owner}/{repo}/pulls/{pull_number}');
    expect(call?.accept).toMatch(/application\/vnd\.github\.v3\.diff/);
    expect(call?.headers['content-type']).toBe('application/vnd.github.diff; charset=utf-8');
  });

  it('reads comment bodies, untrusted text included, and null bodies as empty', async () => {
    const pull = standIn.openPullRequest({ repo: REPO, author: 'alice' });
    standIn.addComment(REPO, pull.number, { author: 'bob', body: 'LGTM <!here> `rm -rf /`' });
    standIn.addComment(REPO, pull.number, { author: 'carol', body: 'Second' });
    expect(await api.listComments(REPO, pull.number)).toEqual([
      { author: 'bob', body: 'LGTM <!here> `rm -rf /`' },
      { author: 'carol', body: 'Second' },
    ]);
  });
});

describe('commit authors', () => {
  it('names logins, then git emails for commits without a GitHub user, once each, across pages', async () => {
    const commits = Array.from({ length: 210 }, (_, i) => ({
      message: `step ${i}`,
      author:
        i % 3 === 0 ? { login: 'alice' } : i % 3 === 1 ? { login: 'bob' } : { name: 'Eve', email: 'Eve@Example.com' },
    }));
    const pull = standIn.openPullRequest({ repo: REPO, author: 'alice', commits });
    const authors = await api.listCommitAuthors(REPO, pull.number);
    expect([...authors].sort()).toEqual(['alice', 'bob', 'email:eve@example.com']);
    expect(standIn.callsTo('GET /repos/{owner}/{repo}/pulls/{pull_number}/commits')).toHaveLength(3);
  });

  it('includes authors of commits pushed later', async () => {
    const pull = standIn.openPullRequest({ repo: REPO, author: 'alice' });
    standIn.push(REPO, pull.number, { commits: [{ author: { login: 'dave' } }] });
    expect(await api.listCommitAuthors(REPO, pull.number)).toEqual(['alice', 'dave']);
  });
});

describe('check runs', () => {
  it('lists the runs of one name on a commit, newest first', async () => {
    const pull = standIn.openPullRequest({ repo: REPO, author: 'alice' });
    const sha = pull.commits.at(-1)?.sha ?? '';
    standIn.completeCheckRun(REPO, sha, 'lint', 'success');
    const build = standIn.completeCheckRun(REPO, sha, 'build', 'failure');
    const runs = await api.listCheckRuns(REPO, sha, 'build');
    expect(runs).toEqual([
      {
        id: build.id,
        name: 'build',
        status: 'completed',
        conclusion: 'failure',
        htmlUrl: `https://github.com/${REPO}/runs/${build.id}`,
      },
    ]);
    expect(await api.listCheckRuns(REPO, sha, 'missing')).toEqual([]);
  });

  it('creates a check run once, then updates it by external id', async () => {
    const pull = standIn.openPullRequest({ repo: REPO, author: 'alice' });
    const sha = pull.commits.at(-1)?.sha ?? '';
    const base = { repo: REPO, sha, name: 'shiplock / tests', externalId: 'r1:tests', summary: 'unit tests' };
    await api.reportCheckRun({ ...base, status: 'in_progress', title: 'Running' });
    await api.reportCheckRun({
      ...base,
      status: 'completed',
      conclusion: 'success',
      title: 'Passed',
      detailsUrl: 'https://shiplock.test/r1',
    });
    await api.reportCheckRun({ ...base, status: 'completed', conclusion: 'success', title: 'Passed' });
    const runs = standIn.checkRuns(REPO, sha);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      name: 'shiplock / tests',
      externalId: 'r1:tests',
      status: 'completed',
      conclusion: 'success',
      detailsUrl: 'https://shiplock.test/r1',
      output: { title: 'Passed', summary: 'unit tests' },
    });
    expect(standIn.callsTo(CHECKS_CREATE)).toHaveLength(1);
    expect(standIn.callsTo('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}')).toHaveLength(2);
  });

  it('keeps runs of other external ids apart', async () => {
    const pull = standIn.openPullRequest({ repo: REPO, author: 'alice' });
    const sha = pull.commits.at(-1)?.sha ?? '';
    const base = {
      repo: REPO,
      sha,
      name: 'shiplock / tests',
      summary: '',
      status: 'queued' as const,
      title: 'Waiting',
    };
    await api.reportCheckRun({ ...base, externalId: 'r1:tests' });
    await api.reportCheckRun({ ...base, externalId: 'r2:tests' });
    await api.reportCheckRun({ ...base, externalId: 'r1:tests', status: 'in_progress' });
    expect(standIn.checkRuns(REPO, sha).map((run) => [run.externalId, run.status])).toEqual([
      ['r1:tests', 'in_progress'],
      ['r2:tests', 'queued'],
    ]);
  });

  it('falls back to a commit status when the checks API answers 403 (a classic token)', async () => {
    const pull = standIn.openPullRequest({ repo: REPO, author: 'alice' });
    const sha = pull.commits.at(-1)?.sha ?? '';
    const withClassic = createGitHubApi({ octokit: octokitFor(standIn, standIn.classicToken) });
    const report = { repo: REPO, sha, name: 'shiplock / tests', externalId: 'r1:tests', summary: '' };
    await withClassic.reportCheckRun({ ...report, status: 'in_progress', title: 'Running' });
    await withClassic.reportCheckRun({ ...report, status: 'completed', conclusion: 'failure', title: 'x'.repeat(300) });
    expect(standIn.checkRuns(REPO, sha)).toEqual([]);
    expect(standIn.callsTo(CHECKS_CREATE).map((call) => call.status)).toEqual([403]);
    const statuses = standIn.statuses(REPO, sha);
    expect(statuses.map((status) => [status.context, status.state])).toEqual([
      ['shiplock / tests', 'pending'],
      ['shiplock / tests', 'failure'],
    ]);
    expect(statuses[1]?.description).toHaveLength(140);
  });

  it('does not mistake a secondary rate limit (403 with retry-after) for missing checks', async () => {
    const pull = standIn.openPullRequest({ repo: REPO, author: 'alice' });
    const sha = pull.commits.at(-1)?.sha ?? '';
    standIn.failNext(CHECKS_CREATE, 403, { retryAfter: 30 });
    const report = { repo: REPO, sha, name: 'n', externalId: 'e', summary: '', status: 'queued' as const, title: 't' };
    const failure = await api.reportCheckRun(report).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      message: expect.stringMatching(/^shiplock_github_rate_limited: /),
      status: 403,
      retryAfterSeconds: 30,
    });
    expect(standIn.statuses(REPO, sha)).toEqual([]);
  });
});

describe('deployments', () => {
  it('creates the deployment once and adds statuses in order', async () => {
    const pull = standIn.openPullRequest({ repo: REPO, author: 'alice' });
    const sha = pull.commits.at(-1)?.sha ?? '';
    const base = { repo: REPO, sha, environment: 'staging', externalId: 'r1:staging', productionEnvironment: false };
    await api.reportDeployment({
      ...base,
      state: 'in_progress',
      description: 'Deploying',
      logUrl: 'https://shiplock.test/r1',
    });
    await api.reportDeployment({
      ...base,
      state: 'success',
      description: 'd'.repeat(200),
      logUrl: 'https://shiplock.test/r1',
    });
    await api.reportDeployment({
      ...base,
      environment: 'production',
      externalId: 'r1:production',
      productionEnvironment: true,
      state: 'in_progress',
      description: 'Prod',
    });
    const [staging, production] = standIn.deployments(REPO);
    expect(standIn.deployments(REPO)).toHaveLength(2);
    expect(staging).toMatchObject({
      sha,
      environment: 'staging',
      transient: true,
      production: false,
      payload: { shiplock_external_id: 'r1:staging' },
    });
    expect(staging?.statuses.map((status) => status.state)).toEqual(['in_progress', 'success']);
    expect(staging?.statuses[1]?.description).toHaveLength(140);
    expect(staging?.statuses[0]?.logUrl).toBe('https://shiplock.test/r1');
    expect(production).toMatchObject({ environment: 'production', transient: false, production: true });
    expect(standIn.callsTo('POST /repos/{owner}/{repo}/deployments')).toHaveLength(2);
  });
});

describe('errors', () => {
  it('names a missing pull request shiplock_github_not_found with its status', async () => {
    const failure = await api.getPullRequest(REPO, 404).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      message: expect.stringMatching(/^shiplock_github_not_found: .* 404/),
      status: 404,
    });
  });

  it('names a bad token shiplock_github_unauthorized', async () => {
    const bad = createGitHubApi({ octokit: octokitFor(standIn, 'ghp_wrong') });
    const failure = await bad.listOpenPullRequests(REPO).catch((error: unknown) => error);
    expect(failure).toMatchObject({ message: expect.stringMatching(/^shiplock_github_unauthorized: /), status: 401 });
  });

  it('names a spent primary rate limit shiplock_github_rate_limited with the wait', async () => {
    await standIn.close();
    ({ standIn, api } = await startGitHub({ rateLimit: 2 }));
    standIn.openPullRequest({ repo: REPO, author: 'alice' });
    await api.getPullRequest(REPO, 1);
    await api.getPullRequest(REPO, 1);
    const failure = await api.getPullRequest(REPO, 1).catch((error: unknown) => error);
    expect(failure).toMatchObject({ message: expect.stringMatching(/^shiplock_github_rate_limited: /), status: 403 });
    expect((failure as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(3000);
  });

  it('names an answer that does not parse shiplock_github_invalid_response', async () => {
    standIn.openPullRequest({ repo: REPO, author: 'alice' });
    standIn.failNext('GET /repos/{owner}/{repo}/pulls/{pull_number}', 200, { body: { number: 'one' } });
    const failure = await api.getPullRequest(REPO, 1).catch((error: unknown) => error);
    expect(failure).toMatchObject({ message: expect.stringMatching(/^shiplock_github_invalid_response: /) });
  });
});
