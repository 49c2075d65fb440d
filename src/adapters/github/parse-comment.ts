import * as z from 'zod';
import type { PullRequestComment } from './github-api.ts';

const commentSchema = z.object({
  user: z.object({ login: z.string() }).nullable(),
  body: z.string().nullable().optional(),
});

/** A PR conversation comment (`issues.listComments`); untrusted text, `null` body becomes `''`. */
export function parseComment(json: unknown): PullRequestComment {
  const comment = commentSchema.parse(json);
  return { author: comment.user?.login ?? 'ghost', body: comment.body ?? '' };
}
