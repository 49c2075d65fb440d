import type { ApiContext } from './api-context.ts';
import type { GitHubState } from './create-github-state.ts';
import type { ApiReply } from './github-reply.ts';
import type { JsonObject, SeedToken } from './types.ts';

/** What a route handler receives. */
export interface RouteRequest {
  readonly state: GitHubState;
  readonly context: ApiContext;
  /** Path parameters named as in GitHub's OpenAPI description (`owner`, `repo`, `pull_number`, …). */
  readonly params: Readonly<Record<string, string>>;
  readonly url: URL;
  readonly body: JsonObject;
  readonly accept: string;
  readonly token: SeedToken & { readonly login: string };
  /** `owner/repo` from the path. */
  readonly fullName: string;
  /** The route's reference page, for error bodies. */
  readonly docs: string;
}

/** One endpoint: method, OpenAPI path template, reference page and handler. */
export interface Route {
  readonly method: 'GET' | 'POST' | 'PATCH';
  readonly path: string;
  readonly docs: string;
  readonly handle: (request: RouteRequest) => ApiReply;
}
