import * as z from 'zod';
import type { PullRequestSnapshot } from './github-api.ts';

const repoSchema = z.object({ clone_url: z.string().min(1) });

const pullSchema = z.object({
  number: z.number().int().positive(),
  state: z.enum(['open', 'closed']),
  // Optional in GitHub's description of the list answer; absent means not a draft.
  draft: z.boolean().optional(),
  title: z.string(),
  body: z.string().nullable().optional(),
  // `null` for a deleted account ("ghost").
  user: z.object({ login: z.string() }).nullable(),
  html_url: z.string(),
  head: z.object({ sha: z.string().regex(/^[0-9a-f]{40}$/), repo: repoSchema.nullable() }),
  base: z.object({ repo: repoSchema }),
});

/**
 * A pull request from GitHub's JSON (`pulls.get` or `pulls.list`). `body: null` becomes `''`. When
 * the head fork was deleted (`head.repo: null`) the head commit is still fetchable from the base
 * repository (`refs/pull/<n>/head`), so `cloneUrl` falls back to it.
 */
export function parsePullRequest(repo: string, json: unknown): PullRequestSnapshot {
  const pull = pullSchema.parse(json);
  return {
    repo,
    number: pull.number,
    state: pull.state,
    draft: pull.draft ?? false,
    headSha: pull.head.sha,
    title: pull.title,
    body: pull.body ?? '',
    author: pull.user?.login ?? 'ghost',
    htmlUrl: pull.html_url,
    cloneUrl: pull.head.repo?.clone_url ?? pull.base.repo.clone_url,
  };
}
