import { type ApiContext, isoTime } from './api-context.ts';
import { nodeId } from './node-id.ts';
import { replaceAllOf, rewriteStrings } from './rewrite-strings.ts';
import { repoRewrites } from './to-api-repository.ts';
import { toApiUser } from './to-api-user.ts';
import type { JsonObject, StoredComment } from './types.ts';

/** An `issue-comment` from the real example, moved to this repository, PR and author. */
export function toApiComment(context: ApiContext, fullName: string, comment: StoredComment): JsonObject {
  const template = context.templates.comment;
  const moved = rewriteStrings(
    template,
    replaceAllOf([
      [String(template.id), String(comment.id)],
      ['/issues/1', `/issues/${comment.issue}`],
      ['/pull/1', `/pull/${comment.issue}`],
    ]),
  );
  return {
    ...rewriteStrings(moved, repoRewrites(context, fullName)),
    id: comment.id,
    node_id: nodeId('IssueComment', comment.id),
    html_url: `${context.htmlBase}/${fullName}/pull/${comment.issue}#issuecomment-${comment.id}`,
    user: toApiUser(context, comment.author),
    created_at: isoTime(comment.createdAt),
    updated_at: isoTime(comment.updatedAt),
    author_association: comment.author === fullName.split('/')[0] ? 'OWNER' : 'CONTRIBUTOR',
    body: comment.body,
  };
}
