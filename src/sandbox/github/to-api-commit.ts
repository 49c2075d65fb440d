import { type ApiContext, isoTime } from './api-context.ts';
import { replaceAllOf, rewriteStrings } from './rewrite-strings.ts';
import { repoRewrites } from './to-api-repository.ts';
import { toApiUser } from './to-api-user.ts';
import type { JsonObject, StoredCommit } from './types.ts';

/**
 * A `commit` (as `pulls/{n}/commits` lists it) from the real example. `author` is `null` when the
 * commit's email belongs to no GitHub account: shiplock must then fall back to the git email.
 */
export function toApiCommit(context: ApiContext, fullName: string, commit: StoredCommit): JsonObject {
  const template = context.templates.commit;
  const moved = rewriteStrings(template, replaceAllOf([[String(template.sha), commit.sha]]));
  const inner = rewriteStrings(moved, repoRewrites(context, fullName));
  const git = inner.commit as JsonObject;
  const person = { name: commit.author.name, email: commit.author.email, date: isoTime(commit.at) };
  const user = commit.author.login === null ? null : toApiUser(context, commit.author.login);
  return {
    ...inner,
    sha: commit.sha,
    node_id: Buffer.from(`06:Commit${context.repoId(fullName)}:${commit.sha}`).toString('base64'),
    commit: {
      ...git,
      author: person,
      committer: person,
      message: commit.message,
      comment_count: 0,
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    },
    author: user,
    committer: user,
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${context.apiBase}/repos/${fullName}/commits/${sha}`,
      html_url: `${context.htmlBase}/${fullName}/commit/${sha}`,
    })),
  };
}
