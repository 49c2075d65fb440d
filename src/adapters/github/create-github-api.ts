import type { Octokit } from '@octokit/rest';
import * as z from 'zod';
import type { CheckRunReport, DeploymentReport, GitHubApi } from './github-api.ts';
import { parseCheckRun } from './parse-check-run.ts';
import { parseComment } from './parse-comment.ts';
import { parseCommitAuthor } from './parse-commit-author.ts';
import { EXTERNAL_ID_KEY, parseDeployment } from './parse-deployment.ts';
import { parsePullRequest } from './parse-pull-request.ts';
import { isRateLimited, toGitHubError } from './to-github-error.ts';
import { toRepoParams } from './to-repo-params.ts';
import { toShortDescription } from './to-short-description.ts';

/** GitHub caps `output.summary` of a check run at 65,535 characters. */
const MAX_SUMMARY = 65_535;
const PER_PAGE = 100;

/** Runs one GitHub operation, mapping whatever it throws to `shiplock_github_<code>`. */
async function call<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toGitHubError(error, operation);
  }
}

/**
 * 403/404 from the checks API means the token may not use it: only a GitHub App can write check
 * runs, a classic token gets 403 (https://docs.github.com/rest/checks/runs#create-a-check-run).
 * A rate limit is not that: it must surface so the call is retried.
 */
function checksUnavailable(error: unknown): boolean {
  const status = (error as { status?: unknown }).status;
  return (status === 403 || status === 404) && !isRateLimited(error);
}

function toCommitState(report: CheckRunReport): 'pending' | 'success' | 'failure' {
  if (report.status !== 'completed') return 'pending';
  return report.conclusion === 'success' || report.conclusion === 'neutral' ? 'success' : 'failure';
}

/** `GET /repos/{owner}/{repo}/pulls`, as a template (first page) or a `Link` URL (the next ones). */
const PULL_LIST = /\/pulls(?:\?|$)/;

/**
 * Pull request lists are parsed with `JSON.parse`. @octokit/request parses every JSON body through
 * json-with-bigint, which on Node 20 (no `JSON.parse` source text) first rewrites the whole text
 * with a regex and then revives every value: the reconciler's pass over 10,000 open pull requests
 * spent half a second of start-up in it and made most of its garbage (docs/benchmarks.md). The
 * numbers shiplock reads from a pull request (its number, ids) are far below 2^53. A hook on the
 * client `createGitHubApi` is given.
 */
function parsePullListsWithJsonParse(octokit: Octokit): void {
  // The request options this hook asked to leave unparsed (a caller's own `false` is left alone).
  const ours = new WeakSet<object>();
  octokit.hook.before('request', (options) => {
    const asked = options.method === 'GET' && PULL_LIST.test(options.url);
    if (!asked || options.request?.parseSuccessResponseBody === false) return;
    const request = { ...options.request, parseSuccessResponseBody: false };
    ours.add(request);
    options.request = request;
  });
  octokit.hook.after('request', async (response, options) => {
    if (options.request === undefined || !ours.has(options.request)) return;
    response.data = JSON.parse(await new Response(response.data as ReadableStream<Uint8Array>).text()) as unknown;
  });
}

/**
 * `GitHubApi` over an Octokit client the composition root builds (`new Octokit({ auth, baseUrl })`).
 * Every answer is parsed with zod; every list is read to its last page (`octokit.paginate`).
 *
 * Check runs need a GitHub App installation token. With a classic token the checks API answers 403,
 * and `reportCheckRun` falls back to a commit status with `context` = the check name (remembered per
 * repository for the life of this object). PR commits are read from `pulls.listCommits`, which GitHub
 * caps at 250 commits.
 */
export function createGitHubApi({ octokit }: { readonly octokit: Octokit }): GitHubApi {
  const noChecks = new Set<string>();
  parsePullListsWithJsonParse(octokit);

  const writeCheckRun = async (report: CheckRunReport): Promise<void> => {
    const { owner, repo } = toRepoParams(report.repo);
    const runs = await octokit.paginate(octokit.rest.checks.listForRef, {
      owner,
      repo,
      ref: report.sha,
      check_name: report.name,
      filter: 'all',
      per_page: PER_PAGE,
    });
    const existing = runs.map(parseCheckRun).find((run) => run.externalId === report.externalId);
    const fields = {
      owner,
      repo,
      name: report.name,
      external_id: report.externalId,
      status: report.status,
      output: { title: report.title, summary: toShortDescription(report.summary, MAX_SUMMARY) },
      ...(report.conclusion === undefined ? {} : { conclusion: report.conclusion }),
      ...(report.detailsUrl === undefined ? {} : { details_url: report.detailsUrl }),
    };
    if (existing === undefined) await octokit.rest.checks.create({ ...fields, head_sha: report.sha });
    else await octokit.rest.checks.update({ ...fields, check_run_id: existing.id });
  };

  const writeStatus = async (report: CheckRunReport): Promise<void> => {
    await octokit.rest.repos.createCommitStatus({
      ...toRepoParams(report.repo),
      sha: report.sha,
      state: toCommitState(report),
      context: report.name,
      description: toShortDescription(report.title),
      ...(report.detailsUrl === undefined ? {} : { target_url: report.detailsUrl }),
    });
  };

  const findOrCreateDeployment = async (report: DeploymentReport): Promise<number> => {
    const { owner, repo } = toRepoParams(report.repo);
    const list = await octokit.paginate(octokit.rest.repos.listDeployments, {
      owner,
      repo,
      sha: report.sha,
      environment: report.environment,
      per_page: PER_PAGE,
    });
    const found = list.map(parseDeployment).find((deployment) => deployment.externalId === report.externalId);
    if (found !== undefined) return found.id;
    const created = await octokit.rest.repos.createDeployment({
      owner,
      repo,
      ref: report.sha,
      environment: report.environment,
      task: 'deploy',
      // shiplock deploys exactly this commit: no merge of the default branch, no gate on other contexts.
      auto_merge: false,
      required_contexts: [],
      payload: { [EXTERNAL_ID_KEY]: report.externalId },
      description: toShortDescription(report.description),
      transient_environment: !report.productionEnvironment,
      production_environment: report.productionEnvironment,
    });
    // A 202 ("merged branch") has no id; with auto_merge off it should not happen.
    return parseDeployment(created.data).id;
  };

  return {
    getPullRequest: (repo, number) =>
      call(`get pull request ${repo}#${number}`, async () => {
        const { data } = await octokit.rest.pulls.get({ ...toRepoParams(repo), pull_number: number });
        return parsePullRequest(repo, data);
      }),
    listOpenPullRequests: (repo) =>
      call(`list open pull requests of ${repo}`, async () => {
        const params = { ...toRepoParams(repo), state: 'open' as const, per_page: PER_PAGE };
        // Parsed page by page: a repository's raw PR objects (several KB each) are never all held at once.
        return octokit.paginate(octokit.rest.pulls.list, params, (response) =>
          response.data.map((pull) => parsePullRequest(repo, pull)),
        );
      }),
    listCommitAuthors: (repo, number) =>
      call(`list commits of ${repo}#${number}`, async () => {
        const params = { ...toRepoParams(repo), pull_number: number, per_page: PER_PAGE };
        const commits = await octokit.paginate(octokit.rest.pulls.listCommits, params);
        return [...new Set(commits.map(parseCommitAuthor))];
      }),
    getDiff: (repo, number) =>
      call(`get diff of ${repo}#${number}`, async () => {
        const params = { ...toRepoParams(repo), pull_number: number, mediaType: { format: 'diff' } };
        const { data } = await octokit.rest.pulls.get(params);
        // With the diff media type Octokit hands back the text, whatever its static type says.
        return z.string().parse(data);
      }),
    listComments: (repo, number) =>
      call(`list comments of ${repo}#${number}`, async () => {
        const params = { ...toRepoParams(repo), issue_number: number, per_page: PER_PAGE };
        const comments = await octokit.paginate(octokit.rest.issues.listComments, params);
        return comments.map(parseComment);
      }),
    listCheckRuns: (repo, sha, checkName) =>
      call(`list check runs "${checkName}" on ${repo}@${sha}`, async () => {
        const params = {
          ...toRepoParams(repo),
          ref: sha,
          check_name: checkName,
          filter: 'all' as const,
          per_page: PER_PAGE,
        };
        const runs = await octokit.paginate(octokit.rest.checks.listForRef, params);
        return runs
          .map(parseCheckRun)
          .sort((a, b) => b.id - a.id)
          .map(({ externalId: _externalId, ...run }) => run);
      }),
    reportCheckRun: (report) =>
      call(`report check run "${report.name}" on ${report.repo}@${report.sha}`, async () => {
        if (!noChecks.has(report.repo)) {
          try {
            await writeCheckRun(report);
            return;
          } catch (error) {
            if (!checksUnavailable(error)) throw error;
            noChecks.add(report.repo);
          }
        }
        await writeStatus(report);
      }),
    reportDeployment: (report) =>
      call(`report deployment to ${report.environment} of ${report.repo}@${report.sha}`, async () => {
        const deploymentId = await findOrCreateDeployment(report);
        await octokit.rest.repos.createDeploymentStatus({
          ...toRepoParams(report.repo),
          deployment_id: deploymentId,
          state: report.state,
          description: toShortDescription(report.description),
          ...(report.logUrl === undefined ? {} : { log_url: report.logUrl }),
        });
      }),
  };
}
