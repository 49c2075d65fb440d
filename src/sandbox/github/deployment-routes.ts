import { failingContexts } from './failing-contexts.ts';
import { type ApiReply, invalidRequest, notFound, ok, validationFailed } from './github-reply.ts';
import { pageHeaders, paginate } from './paginate.ts';
import { readBoolean, readString } from './read-field.ts';
import { resolveSha } from './resolve-sha.ts';
import type { Route, RouteRequest } from './route-request.ts';
import { MAX_DESCRIPTION } from './status-routes.ts';
import { toApiDeployment, toApiDeploymentStatus } from './to-api-deployment.ts';
import type { Json, StoredDeployment, StoredDeploymentStatus, StoredRepository } from './types.ts';

const DOCS = 'https://docs.github.com/rest/deployments';
const STATES = new Set(['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success']);

function create(request: RouteRequest): ApiReply {
  const repo = request.state.repos.get(request.fullName);
  if (repo === undefined) return notFound(request.docs);
  const ref = readString(request.body, 'ref');
  if (ref === undefined) return invalidRequest(request.docs, 'Invalid request.\n\n"ref" wasn\'t supplied.');
  const sha = resolveSha(repo, ref);
  if (sha === undefined) return invalidRequest(request.docs, `No ref found for: ${ref}`);
  // Without `required_contexts` GitHub requires every context on the commit to be green.
  const required = request.body.required_contexts;
  const failing = failingContexts(repo, sha, Array.isArray(required) ? (required as string[]) : undefined);
  if (failing.length > 0) {
    const contexts = failing.map((context) => ({ context: context.name, state: context.state }));
    const errors = [{ contexts, resource: 'Deployment', field: 'required_contexts', code: 'invalid' }];
    const message = `Conflict: Commit status checks failed for ${ref}.`;
    return { status: 409, body: { message, errors, documentation_url: request.docs } };
  }
  const environment = readString(request.body, 'environment') ?? 'production';
  const deployment: StoredDeployment = {
    id: request.state.nextId(),
    sha,
    ref,
    task: readString(request.body, 'task') ?? 'deploy',
    environment,
    payload: toPayload(request.body.payload),
    description: readString(request.body, 'description') ?? null,
    transient: readBoolean(request.body, 'transient_environment') ?? false,
    production: readBoolean(request.body, 'production_environment') ?? environment === 'production',
    creator: request.token.login,
    at: request.state.clock(),
    statuses: [],
  };
  repo.deployments.push(deployment);
  request.state.emit({ event: 'deployment', action: 'created', repo: request.fullName, deploymentId: deployment.id });
  return ok(toApiDeployment(request.context, request.fullName, deployment), 201);
}

/** GitHub stores a JSON-text payload parsed; anything else stays as sent (default `{}`). */
function toPayload(payload: Json | undefined): Json {
  if (typeof payload !== 'string') return payload ?? {};
  try {
    return JSON.parse(payload) as Json;
  } catch {
    return payload;
  }
}

function list(request: RouteRequest): ApiReply {
  const repo = request.state.repos.get(request.fullName);
  if (repo === undefined) return notFound(request.docs);
  const query = request.url.searchParams;
  const matches = (key: string, value: string): boolean => query.get(key) === null || query.get(key) === value;
  const deployments = repo.deployments
    .filter((d) => matches('sha', d.sha) && matches('ref', d.ref) && matches('task', d.task))
    .filter((d) => matches('environment', d.environment))
    .sort((a, b) => b.id - a.id);
  const page = paginate(deployments, request.url);
  const body = page.items.map((d) => toApiDeployment(request.context, request.fullName, d));
  return ok(body, 200, pageHeaders(page));
}

function findDeployment(request: RouteRequest): { repo: StoredRepository; deployment: StoredDeployment } | undefined {
  const repo = request.state.repos.get(request.fullName);
  const deployment = repo?.deployments.find((d) => d.id === Number(request.params.deployment_id));
  return repo === undefined || deployment === undefined ? undefined : { repo, deployment };
}

function createStatus(request: RouteRequest): ApiReply {
  const found = findDeployment(request);
  if (found === undefined) return notFound(request.docs);
  const state = readString(request.body, 'state');
  if (state === undefined || !STATES.has(state)) {
    return validationFailed(request.docs, [{ resource: 'DeploymentStatus', field: 'state', code: 'invalid' }]);
  }
  const description = readString(request.body, 'description') ?? '';
  if (description.length > MAX_DESCRIPTION) {
    const message = `description is too long (maximum is ${MAX_DESCRIPTION} characters)`;
    return validationFailed(request.docs, [
      { resource: 'DeploymentStatus', field: 'description', code: 'custom', message },
    ]);
  }
  const status: StoredDeploymentStatus = {
    id: request.state.nextId(),
    state,
    description,
    environment: readString(request.body, 'environment') ?? found.deployment.environment,
    logUrl: readString(request.body, 'log_url') ?? readString(request.body, 'target_url') ?? '',
    environmentUrl: readString(request.body, 'environment_url') ?? '',
    creator: request.token.login,
    at: request.state.clock(),
  };
  found.deployment.statuses.push(status);
  if (state === 'success' && readBoolean(request.body, 'auto_inactive') !== false) {
    deactivatePrevious(request, found.repo, found.deployment);
  }
  const { fullName, context } = request;
  request.state.emit({
    event: 'deployment_status',
    action: 'created',
    repo: fullName,
    deploymentId: found.deployment.id,
    statusId: status.id,
  });
  const location = `${context.apiBase}/repos/${fullName}/deployments/${found.deployment.id}/statuses/${status.id}`;
  return ok(toApiDeploymentStatus(context, fullName, found.deployment, status), 201, { location });
}

/**
 * `auto_inactive` (default true): earlier successful deployments to the same non-transient,
 * non-production environment get an `inactive` status.
 */
function deactivatePrevious(request: RouteRequest, repo: StoredRepository, current: StoredDeployment): void {
  for (const other of repo.deployments) {
    if (other.id === current.id || other.environment !== current.environment) continue;
    if (other.transient || other.production || other.statuses.at(-1)?.state !== 'success') continue;
    other.statuses.push({
      ...(other.statuses.at(-1) as StoredDeploymentStatus),
      id: request.state.nextId(),
      state: 'inactive',
      at: request.state.clock(),
    });
  }
}

function listStatuses(request: RouteRequest): ApiReply {
  const found = findDeployment(request);
  if (found === undefined) return notFound(request.docs);
  const page = paginate([...found.deployment.statuses].reverse(), request.url);
  const body = page.items.map((s) => toApiDeploymentStatus(request.context, request.fullName, found.deployment, s));
  return ok(body, 200, pageHeaders(page));
}

/** Deployments: create (409 on failing contexts), list with filters, statuses. */
export const DEPLOYMENT_ROUTES: readonly Route[] = [
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/deployments',
    docs: `${DOCS}/deployments#create-a-deployment`,
    handle: create,
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/deployments',
    docs: `${DOCS}/deployments#list-deployments`,
    handle: list,
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
    docs: `${DOCS}/statuses#create-a-deployment-status`,
    handle: createStatus,
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
    docs: `${DOCS}/statuses#list-deployment-statuses`,
    handle: listStatuses,
  },
];
