import * as z from 'zod';

const commitSchema = z.object({
  author: z.object({ login: z.string().min(1) }).nullable(),
  commit: z.object({ author: z.object({ email: z.string().optional() }).nullable() }),
});

/**
 * Who wrote a commit of `pulls.listCommits`: the GitHub login, or `email:<address>` (lower case)
 * when the email belongs to no GitHub account. A commit with neither cannot be attributed, and an
 * unattributed author could approve their own change, so it is an error (fail closed).
 */
export function parseCommitAuthor(json: unknown): string {
  const commit = commitSchema.parse(json);
  if (commit.author !== null) return commit.author.login;
  const email = commit.commit.author?.email?.trim().toLowerCase();
  if (email === undefined || email === '') {
    throw new Error('shiplock_github_unattributed_commit: a commit has neither a GitHub author nor an email');
  }
  return `email:${email}`;
}
