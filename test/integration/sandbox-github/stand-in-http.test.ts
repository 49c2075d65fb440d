import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubStandIn, type GitHubChange, type GitHubStandIn } from '../../../src/sandbox/github/index.ts';

const REPO = 'acme/api';
let standIn: GitHubStandIn;

beforeEach(async () => {
  standIn = await createGitHubStandIn();
});
afterEach(async () => {
  await standIn.close();
});

function get(path: string, authorization: string | null = `token ${standIn.token}`): Promise<Response> {
  return fetch(`${standIn.url}${path}`, { headers: authorization === null ? {} : { authorization } });
}

function post(path: string, body: unknown, token = standIn.token): Promise<Response> {
  return fetch(`${standIn.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('the stand-in speaks GitHub HTTP', () => {
  it('answers 401 without a token and with a bad one', async () => {
    standIn.openPullRequest({ repo: REPO, author: 'alice' });
    const missing = await get(`/repos/${REPO}/pulls`, null);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({
      message: 'Requires authentication',
      documentation_url: 'https://docs.github.com/rest',
    });
    const bad = await get(`/repos/${REPO}/pulls`, 'token ghp_nope');
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { message: string }).message).toBe('Bad credentials');
    expect((await get(`/repos/${REPO}/pulls`, `Bearer ${standIn.token}`)).status).toBe(200);
  });

  it('answers 404 with GitHub body for a missing pull request and an unknown path', async () => {
    standIn.repository(REPO);
    const missing = await get(`/repos/${REPO}/pulls/77`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest/pulls/pulls#get-a-pull-request',
    });
    expect((await get('/repos/acme/nothing/pulls')).status).toBe(404);
    expect((await get('/nowhere')).status).toBe(404);
  });

  it('sends rate-limit headers and counts down', async () => {
    standIn.repository(REPO);
    const first = await get(`/repos/${REPO}/pulls`);
    const second = await get(`/repos/${REPO}/pulls`);
    expect(first.headers.get('x-ratelimit-limit')).toBe('5000');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('4999');
    expect(second.headers.get('x-ratelimit-remaining')).toBe('4998');
    expect(second.headers.get('x-ratelimit-used')).toBe('2');
    expect(Number(second.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    const rate = (await (await get('/rate_limit')).json()) as { rate: { remaining: number } };
    expect(rate.rate.remaining).toBe(4998);
  });

  it('answers a forced secondary rate limit with retry-after, 429 too', async () => {
    standIn.repository(REPO);
    standIn.failNext('GET /repos/{owner}/{repo}/pulls', 403, { retryAfter: 7 });
    standIn.failNext(`GET /repos/${REPO}/pulls`, 429);
    const limited = await get(`/repos/${REPO}/pulls`);
    expect(limited.status).toBe(403);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(((await limited.json()) as { message: string }).message).toMatch(/secondary rate limit/);
    const tooMany = await get(`/repos/${REPO}/pulls`);
    expect(tooMany.status).toBe(429);
    expect(tooMany.headers.get('retry-after')).toBe('60');
    expect((await get(`/repos/${REPO}/pulls`)).status).toBe(200);
  });

  it('pages with per_page and page and a link header', async () => {
    for (let i = 0; i < 7; i += 1) standIn.openPullRequest({ repo: REPO, author: 'alice' });
    const middle = await get(`/repos/${REPO}/pulls?per_page=3&page=2`);
    const numbers = ((await middle.json()) as { number: number }[]).map((pull) => pull.number);
    expect(numbers).toEqual([4, 3, 2]);
    const link = middle.headers.get('link') ?? '';
    expect(link).toContain(`<${standIn.url}/repos/${REPO}/pulls?per_page=3&page=1>; rel="prev"`);
    expect(link).toContain(`<${standIn.url}/repos/${REPO}/pulls?per_page=3&page=3>; rel="next"`);
    expect(link).toContain('page=3>; rel="last"');
    expect(link).toContain('page=1>; rel="first"');
  });

  it('refuses invalid writes with 422 as GitHub shapes them', async () => {
    const pull = standIn.openPullRequest({ repo: REPO, author: 'alice' });
    const sha = pull.commits.at(-1)?.sha ?? '';
    const badState = await post(`/repos/${REPO}/statuses/${sha}`, { state: 'great' });
    expect(badState.status).toBe(422);
    expect(await badState.json()).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'Status', field: 'state', code: 'invalid' }],
    });
    const unknownSha = await post(`/repos/${REPO}/check-runs`, { name: 'x', head_sha: 'f'.repeat(40) });
    expect(unknownSha.status).toBe(422);
    expect(((await unknownSha.json()) as { message: string }).message).toBe(
      `No commit found for SHA: ${'f'.repeat(40)}`,
    );
    const noConclusion = await post(`/repos/${REPO}/check-runs`, { name: 'x', head_sha: sha, status: 'completed' });
    expect(noConclusion.status).toBe(422);
  });

  it('refuses check run writes from a classic token', async () => {
    const pull = standIn.openPullRequest({ repo: REPO, author: 'alice' });
    const sha = pull.commits.at(-1)?.sha ?? '';
    const refused = await post(`/repos/${REPO}/check-runs`, { name: 'x', head_sha: sha }, standIn.classicToken);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toBe('You must authenticate via a GitHub App.');
  });

  it('refuses a deployment while contexts fail, unless required_contexts is empty', async () => {
    const pull = standIn.openPullRequest({ repo: REPO, author: 'alice' });
    const sha = pull.commits.at(-1)?.sha ?? '';
    standIn.completeCheckRun(REPO, sha, 'build', 'failure');
    const conflict = await post(`/repos/${REPO}/deployments`, { ref: sha, environment: 'staging' });
    expect(conflict.status).toBe(409);
    const created = await post(`/repos/${REPO}/deployments`, {
      ref: sha,
      environment: 'staging',
      required_contexts: [],
    });
    expect(created.status).toBe(201);
  });

  it('tells subscribers of every change, in order', async () => {
    const changes: GitHubChange[] = [];
    const stop = standIn.onChange((change) => changes.push(change));
    const pull = standIn.openPullRequest({ repo: REPO, author: 'alice' });
    const sha = standIn.push(REPO, pull.number, { commits: [{ author: { login: 'alice' } }] });
    standIn.completeCheckRun(REPO, sha, 'build', 'success');
    stop();
    standIn.closePullRequest(REPO, pull.number);
    expect(changes.map((change) => `${change.event}${'action' in change ? `.${change.action}` : ''}`)).toEqual([
      'pull_request.opened',
      'pull_request.synchronize',
      'check_run.created',
      'check_run.completed',
    ]);
  });
});
