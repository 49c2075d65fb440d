import { applyCheckRunFields } from './apply-check-run-fields.ts';
import type { ApiReply } from './github-reply.ts';
import { invalidRequest, notFound, ok } from './github-reply.ts';
import { pageHeaders, paginate } from './paginate.ts';
import { readString } from './read-field.ts';
import { resolveSha } from './resolve-sha.ts';
import type { Route, RouteRequest } from './route-request.ts';
import { toApiCheckRun } from './to-api-check-run.ts';
import type { StoredCheckRun, StoredRepository } from './types.ts';

const DOCS = 'https://docs.github.com/rest/checks/runs';

/** A classic token cannot write checks: only GitHub Apps can (https://docs.github.com/rest/checks/runs). */
function appOnly(request: RouteRequest): ApiReply | undefined {
  if (request.token.kind === 'installation') return undefined;
  return { status: 403, body: { message: 'You must authenticate via a GitHub App.', documentation_url: request.docs } };
}

function latestPerName(runs: readonly StoredCheckRun[]): StoredCheckRun[] {
  const seen = new Set<string>();
  return runs.filter((run) => {
    const key = `${run.app} ${run.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function listForRef(request: RouteRequest): ApiReply {
  const repo = request.state.repos.get(request.fullName);
  if (repo === undefined) return notFound(request.docs);
  const ref = request.params.ref ?? '';
  const sha = resolveSha(repo, ref);
  if (sha === undefined) return invalidRequest(request.docs, `No commit found for SHA: ${ref}`);
  const query = request.url.searchParams;
  const name = query.get('check_name');
  const status = query.get('status');
  let runs = repo.checkRuns
    .filter((run) => run.headSha === sha && (name === null || run.name === name))
    .filter((run) => status === null || run.status === status)
    .sort((a, b) => b.id - a.id);
  // `filter` defaults to `latest`: only the most recent run of each name (per app).
  if (query.get('filter') !== 'all') runs = latestPerName(runs);
  const page = paginate(runs, request.url);
  const checkRuns = page.items.map((run) => toApiCheckRun(request.context, request.fullName, run));
  return ok({ total_count: runs.length, check_runs: checkRuns }, 200, pageHeaders(page));
}

function create(request: RouteRequest): ApiReply {
  const denied = appOnly(request);
  if (denied !== undefined) return denied;
  const repo = request.state.repos.get(request.fullName);
  if (repo === undefined) return notFound(request.docs);
  const name = readString(request.body, 'name');
  const headSha = readString(request.body, 'head_sha');
  if (name === undefined || name === '')
    return invalidRequest(request.docs, 'Invalid request.\n\n"name" wasn\'t supplied.');
  if (headSha === undefined) return invalidRequest(request.docs, 'Invalid request.\n\n"head_sha" wasn\'t supplied.');
  if (!repo.commits.has(headSha)) return invalidRequest(request.docs, `No commit found for SHA: ${headSha}`);
  const run: StoredCheckRun = {
    id: request.state.nextId(),
    headSha,
    suiteId: suiteFor(repo, headSha, request),
    app: 'token',
    name,
    status: 'queued',
    conclusion: null,
    externalId: '',
    detailsUrl: null,
    output: { title: null, summary: null, text: null },
    startedAt: request.state.clock(),
    completedAt: null,
  };
  const problem = applyCheckRunFields(run, request.body, request.state.clock(), request.docs);
  if (problem !== undefined) return problem;
  repo.checkRuns.push(run);
  request.state.emit({ event: 'check_run', action: 'created', repo: request.fullName, checkRunId: run.id });
  if (run.status === 'completed') {
    request.state.emit({ event: 'check_run', action: 'completed', repo: request.fullName, checkRunId: run.id });
  }
  return ok(toApiCheckRun(request.context, request.fullName, run), 201);
}

function suiteFor(repo: StoredRepository, sha: string, request: RouteRequest): number {
  return repo.checkRuns.find((run) => run.headSha === sha && run.app === 'token')?.suiteId ?? request.state.nextId();
}

function update(request: RouteRequest): ApiReply {
  const denied = appOnly(request);
  if (denied !== undefined) return denied;
  const repo = request.state.repos.get(request.fullName);
  const run = repo?.checkRuns.find((item) => item.id === Number(request.params.check_run_id));
  if (repo === undefined || run === undefined) return notFound(request.docs);
  // An app may only update its own check runs.
  if (run.app !== 'token') return { status: 403, body: { message: 'Invalid app_id', documentation_url: request.docs } };
  const wasCompleted = run.status === 'completed';
  const name = readString(request.body, 'name');
  const draft = { ...run, output: { ...run.output } };
  const problem = applyCheckRunFields(draft, request.body, request.state.clock(), request.docs);
  if (problem !== undefined) return problem;
  Object.assign(run, draft, name === undefined || name === '' ? {} : { name });
  if (!wasCompleted && run.status === 'completed') {
    request.state.emit({ event: 'check_run', action: 'completed', repo: request.fullName, checkRunId: run.id });
  }
  return ok(toApiCheckRun(request.context, request.fullName, run));
}

/** Check runs: list for a ref (`check_name`, `status`, `filter`), create, update. */
export const CHECK_RUN_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref}/check-runs',
    docs: `${DOCS}#list-check-runs-for-a-git-reference`,
    handle: listForRef,
  },
  { method: 'POST', path: '/repos/{owner}/{repo}/check-runs', docs: `${DOCS}#create-a-check-run`, handle: create },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/check-runs/{check_run_id}',
    docs: `${DOCS}#update-a-check-run`,
    handle: update,
  },
];
