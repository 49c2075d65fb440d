import { type ApiReply, invalidRequest, notFound, ok, validationFailed } from './github-reply.ts';
import { readString } from './read-field.ts';
import type { Route, RouteRequest } from './route-request.ts';
import { toApiStatus } from './to-api-status.ts';
import type { StoredStatus } from './types.ts';

const STATES = new Set(['error', 'failure', 'pending', 'success']);
/** GitHub refuses a longer status description with a 422. */
export const MAX_DESCRIPTION = 140;

function create(request: RouteRequest): ApiReply {
  const repo = request.state.repos.get(request.fullName);
  if (repo === undefined) return notFound(request.docs);
  const sha = request.params.sha ?? '';
  const state = readString(request.body, 'state');
  const description = readString(request.body, 'description') ?? null;
  if (state === undefined || !STATES.has(state)) {
    return validationFailed(request.docs, [{ resource: 'Status', field: 'state', code: 'invalid' }]);
  }
  if (!repo.commits.has(sha)) return invalidRequest(request.docs, `No commit found for SHA: ${sha}`);
  if (description !== null && description.length > MAX_DESCRIPTION) {
    const message = `description is too long (maximum is ${MAX_DESCRIPTION} characters)`;
    return validationFailed(request.docs, [{ resource: 'Status', field: 'description', code: 'custom', message }]);
  }
  const status: StoredStatus = {
    id: request.state.nextId(),
    sha,
    state,
    description,
    targetUrl: readString(request.body, 'target_url') ?? null,
    context: readString(request.body, 'context') ?? 'default',
    creator: request.token.login,
    at: request.state.clock(),
  };
  repo.statuses.push(status);
  request.state.emit({ event: 'status', repo: request.fullName, statusId: status.id });
  const location = `${request.context.apiBase}/repos/${request.fullName}/statuses/${sha}`;
  return ok(toApiStatus(request.context, request.fullName, status), 201, { location });
}

/** Commit statuses: the fallback when check runs are not available to the token. */
export const STATUS_ROUTES: readonly Route[] = [
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/statuses/{sha}',
    docs: 'https://docs.github.com/rest/commits/statuses#create-a-commit-status',
    handle: create,
  },
];
