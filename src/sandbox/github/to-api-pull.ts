import { type ApiContext, isoTime } from './api-context.ts';
import { nodeId } from './node-id.ts';
import { replaceAllOf, rewriteStrings } from './rewrite-strings.ts';
import { repoRewrites, toApiRepository } from './to-api-repository.ts';
import { toApiUser } from './to-api-user.ts';
import type { JsonObject, StoredPull, StoredRepository } from './types.ts';

/** The PR head commit (the last pushed one). */
export function headSha(pull: StoredPull): string {
  return pull.commits.at(-1)?.sha ?? pull.baseSha;
}

/** Additions, deletions and files of a unified diff, as GitHub counts them for the PR. */
function diffStats(diff: string): { additions: number; deletions: number; files: number } {
  let additions = 0;
  let deletions = 0;
  let files = 0;
  for (const line of diff.split('\n')) {
    if (line.startsWith('diff --git ')) files += 1;
    else if (line.startsWith('+') && !line.startsWith('+++')) additions += 1;
    else if (line.startsWith('-') && !line.startsWith('---')) deletions += 1;
  }
  return { additions, deletions, files };
}

function branch(context: ApiContext, repoName: string, defaultBranch: string, ref: string, sha: string): JsonObject {
  const repo = toApiRepository(context, repoName, defaultBranch);
  const owner = repo.owner as JsonObject;
  return { label: `${String(owner.login)}:${ref}`, ref, sha, user: owner, repo };
}

/**
 * A `pull-request` (GET one) from the real example payload, moved to this repository and PR.
 * The list endpoint answers the same object: `pull-request-simple` is a subset of it.
 */
export function toApiPull(context: ApiContext, repo: StoredRepository, pull: StoredPull): JsonObject {
  const head = headSha(pull);
  const template = context.templates.pullRequest;
  const moved = rewriteStrings(
    template,
    replaceAllOf([
      [String((template.head as JsonObject).sha), head],
      ['/pulls/2', `/pulls/${pull.number}`],
      ['/pull/2', `/pull/${pull.number}`],
      ['/issues/2', `/issues/${pull.number}`],
    ]),
  );
  const stats = diffStats(pull.diff);
  return {
    ...rewriteStrings(moved, repoRewrites(context, repo.fullName)),
    id: pull.id,
    node_id: nodeId('PullRequest', pull.id),
    number: pull.number,
    state: pull.state,
    title: pull.title,
    body: pull.body,
    user: toApiUser(context, pull.author),
    created_at: isoTime(pull.createdAt),
    updated_at: isoTime(pull.updatedAt),
    closed_at: pull.closedAt === null ? null : isoTime(pull.closedAt),
    merged_at: pull.merged && pull.closedAt !== null ? isoTime(pull.closedAt) : null,
    head: branch(context, pull.headRepo, repo.defaultBranch, pull.headRef, head),
    base: branch(context, repo.fullName, repo.defaultBranch, pull.baseRef, pull.baseSha),
    author_association: pull.author === repo.fullName.split('/')[0] ? 'OWNER' : 'CONTRIBUTOR',
    auto_merge: null,
    active_lock_reason: null,
    draft: pull.draft,
    merged: pull.merged,
    comments: repo.comments.filter((comment) => comment.issue === pull.number).length,
    commits: pull.commits.length,
    additions: stats.additions,
    deletions: stats.deletions,
    changed_files: stats.files,
  };
}
