import type { GitHubState } from './create-github-state.ts';
import { fakeSha } from './fake-sha.ts';
import type { GitHubStandIn } from './github-stand-in.ts';
import { headSha } from './to-api-pull.ts';
import type { StoredCheckRun, StoredPull } from './types.ts';

type Seeders = Pick<
  GitHubStandIn,
  'openPullRequest' | 'push' | 'closePullRequest' | 'addComment' | 'startCheckRun' | 'completeCheckRun'
>;

/** What a developer and CI do on GitHub: open, push, close, comment, run checks. Each emits a change. */
export function createSeeders(state: GitHubState): Seeders {
  const ciRun = (repo: string, sha: string, name: string): StoredCheckRun => {
    const stored = state.repository(repo);
    const existing = stored.checkRuns.find((run) => run.headSha === sha && run.name === name && run.app === 'ci');
    if (existing !== undefined) return existing;
    const suite = stored.checkRuns.find((run) => run.headSha === sha && run.app === 'ci')?.suiteId;
    const run: StoredCheckRun = {
      id: state.nextId(),
      headSha: sha,
      suiteId: suite ?? state.nextId(),
      app: 'ci',
      name,
      status: 'in_progress',
      conclusion: null,
      externalId: '',
      detailsUrl: null,
      output: { title: null, summary: null, text: null },
      startedAt: state.clock(),
      completedAt: null,
    };
    stored.checkRuns.push(run);
    state.emit({ event: 'check_run', action: 'created', repo, checkRunId: run.id });
    return run;
  };
  return {
    openPullRequest(options) {
      const repo = state.repository(options.repo);
      const number = options.number ?? Math.max(0, ...[...repo.pulls.keys()]) + 1;
      const base = repo.branches.get(repo.defaultBranch) ?? fakeSha(options.repo, 'root');
      const pull: StoredPull = {
        id: state.nextId(),
        number,
        title: options.title ?? `Change ${number}`,
        body: options.body === undefined ? null : options.body,
        author: options.author,
        draft: options.draft ?? false,
        state: 'open',
        merged: false,
        headRef: options.headRef ?? `change-${number}`,
        baseRef: repo.defaultBranch,
        headRepo: options.fork ?? options.repo,
        baseSha: base,
        commits: state.addCommits(repo, base, options.commits ?? [{ author: { login: options.author } }]),
        diff: options.diff ?? '',
        createdAt: state.clock(),
        updatedAt: state.clock(),
        closedAt: null,
      };
      repo.pulls.set(number, pull);
      state.emit({ event: 'pull_request', action: 'opened', repo: options.repo, number });
      return pull;
    },
    push(repo, number, options) {
      const pull = state.pull(repo, number);
      pull.commits.push(...state.addCommits(state.repository(repo), headSha(pull), options.commits));
      if (options.diff !== undefined) pull.diff = options.diff;
      pull.updatedAt = state.clock();
      state.emit({ event: 'pull_request', action: 'synchronize', repo, number });
      return headSha(pull);
    },
    closePullRequest(repo, number, options = {}) {
      const pull = state.pull(repo, number);
      pull.state = 'closed';
      pull.merged = options.merged ?? false;
      pull.closedAt = state.clock();
      pull.updatedAt = pull.closedAt;
      state.emit({ event: 'pull_request', action: 'closed', repo, number });
    },
    addComment(repo, number, { author, body }) {
      state.pull(repo, number);
      const at = state.clock();
      const comment = { id: state.nextId(), issue: number, author, body, createdAt: at, updatedAt: at };
      state.repository(repo).comments.push(comment);
      state.emit({ event: 'issue_comment', action: 'created', repo, number, commentId: comment.id });
      return comment;
    },
    startCheckRun: ciRun,
    completeCheckRun(repo, sha, name, conclusion) {
      const run = ciRun(repo, sha, name);
      run.status = 'completed';
      run.conclusion = conclusion;
      run.completedAt = state.clock();
      state.emit({ event: 'check_run', action: 'completed', repo, checkRunId: run.id });
      return run;
    },
  };
}
