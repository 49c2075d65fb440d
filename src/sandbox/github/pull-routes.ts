import { notFound, ok } from './github-reply.ts';
import { pageHeaders, paginate } from './paginate.ts';
import type { Route, RouteRequest } from './route-request.ts';
import { toApiComment } from './to-api-comment.ts';
import { toApiCommit } from './to-api-commit.ts';
import { toApiPull } from './to-api-pull.ts';
import type { StoredPull, StoredRepository } from './types.ts';

/** GitHub lists at most 250 commits of a pull request. */
const MAX_PULL_COMMITS = 250;
const DOCS = 'https://docs.github.com/rest/pulls/pulls';

function findPull(request: RouteRequest, param: string): { repo: StoredRepository; pull: StoredPull } | undefined {
  const repo = request.state.repos.get(request.fullName);
  const pull = repo?.pulls.get(Number(request.params[param]));
  return repo === undefined || pull === undefined ? undefined : { repo, pull };
}

function wantsDiff(accept: string): boolean {
  return /application\/vnd\.github(\.v3)?\.diff/.test(accept);
}

/** Pull requests: list (newest first, paged), get (JSON or the diff media type), commits, comments. */
export const PULL_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls',
    docs: `${DOCS}#list-pull-requests`,
    handle(request) {
      const repo = request.state.repos.get(request.fullName);
      if (repo === undefined) return notFound(request.docs);
      const wanted = request.url.searchParams.get('state') ?? 'open';
      const pulls = [...repo.pulls.values()]
        .filter((pull) => wanted === 'all' || pull.state === wanted)
        .sort((a, b) => b.number - a.number);
      const page = paginate(pulls, request.url);
      return ok(
        page.items.map((pull) => toApiPull(request.context, repo, pull)),
        200,
        pageHeaders(page),
      );
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}',
    docs: `${DOCS}#get-a-pull-request`,
    handle(request) {
      const found = findPull(request, 'pull_number');
      if (found === undefined) return notFound(request.docs);
      if (!wantsDiff(request.accept)) return ok(toApiPull(request.context, found.repo, found.pull));
      return {
        status: 200,
        headers: { 'x-github-media-type': 'github.v3; param=diff' },
        text: { content: found.pull.diff, contentType: 'application/vnd.github.diff; charset=utf-8' },
      };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}/commits',
    docs: `${DOCS}#list-commits-on-a-pull-request`,
    handle(request) {
      const found = findPull(request, 'pull_number');
      if (found === undefined) return notFound(request.docs);
      const page = paginate(found.pull.commits.slice(0, MAX_PULL_COMMITS), request.url);
      const body = page.items.map((commit) => toApiCommit(request.context, request.fullName, commit));
      return ok(body, 200, pageHeaders(page));
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    docs: 'https://docs.github.com/rest/issues/comments#list-issue-comments',
    handle(request) {
      const found = findPull(request, 'issue_number');
      if (found === undefined) return notFound(request.docs);
      const comments = found.repo.comments.filter((comment) => comment.issue === found.pull.number);
      const page = paginate(comments, request.url);
      const body = page.items.map((comment) => toApiComment(request.context, request.fullName, comment));
      return ok(body, 200, pageHeaders(page));
    },
  },
];
