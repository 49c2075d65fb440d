import type { GitHubApi, PullRequestSnapshot } from '../../../../src/adapters/github/github-api.ts';

/** A GitHub stand-in holding PRs by `repo#number`; every call is recorded, any method can be made to fail. */
export interface FakeGitHub {
  readonly api: GitHubApi;
  readonly calls: string[];
  /** Method names (or `method:repo`) that throw a `shiplock_github_…` error. */
  readonly failing: Set<string>;
  readonly prs: Map<string, PullRequestSnapshot>;
  readonly authors: Map<string, readonly string[]>;
  put(pr: PullRequestSnapshot): void;
}

const unused = (name: string) => (): never => {
  throw new Error(`${name} is not used by the intake`);
};

/** A pull request snapshot with defaults, for tests. */
export function snapshot(repo: string, number: number, headSha: string, extra: Partial<PullRequestSnapshot> = {}) {
  return {
    repo,
    number,
    state: 'open',
    draft: false,
    headSha,
    title: `PR ${number}`,
    body: '',
    author: 'Codertocat',
    htmlUrl: `https://github.com/${repo}/pull/${number}`,
    cloneUrl: `https://github.com/${repo}.git`,
    ...extra,
  } satisfies PullRequestSnapshot;
}

/** Builds the fake. */
export function createFakeGitHub(): FakeGitHub {
  const calls: string[] = [];
  const failing = new Set<string>();
  const prs = new Map<string, PullRequestSnapshot>();
  const authors = new Map<string, readonly string[]>();
  const enter = (method: string, repo: string, detail: string | number): void => {
    calls.push(`${method} ${repo} ${detail}`);
    if (failing.has(method) || failing.has(`${method}:${repo}`)) {
      throw new Error(`shiplock_github_unavailable: ${method} answered 502`);
    }
  };
  const find = (repo: string, number: number): PullRequestSnapshot => {
    const pr = prs.get(`${repo}#${number}`);
    if (pr === undefined) throw new Error(`shiplock_github_not_found: ${repo}#${number}`);
    return pr;
  };
  const api: GitHubApi = {
    getPullRequest: async (repo, number) => {
      enter('getPullRequest', repo, number);
      return find(repo, number);
    },
    listOpenPullRequests: async (repo) => {
      enter('listOpenPullRequests', repo, '');
      return [...prs.values()].filter((p) => p.repo === repo && p.state === 'open');
    },
    listCommitAuthors: async (repo, number) => {
      enter('listCommitAuthors', repo, number);
      return authors.get(`${repo}#${number}`) ?? [find(repo, number).author];
    },
    getDiff: unused('getDiff'),
    listComments: unused('listComments'),
    listCheckRuns: unused('listCheckRuns'),
    reportCheckRun: unused('reportCheckRun'),
    reportDeployment: unused('reportDeployment'),
  };
  return { api, calls, failing, prs, authors, put: (pr) => void prs.set(`${pr.repo}#${pr.number}`, pr) };
}
