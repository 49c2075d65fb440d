import { fakeSha } from './fake-sha.ts';
import type { Clock, GitHubChange, SeedCommit, StoredCommit, StoredPull, StoredRepository } from './types.ts';

/** The stand-in's in-memory GitHub: repositories, ids, users, and who is told of changes. */
export interface GitHubState {
  readonly clock: Clock;
  readonly repos: Map<string, StoredRepository>;
  readonly users: Map<string, number>;
  /** The next id for any object (GitHub ids are unique per type; one counter is enough here). */
  nextId(): number;
  repository(fullName: string): StoredRepository;
  /** Stores seeded commits on top of `parent`, newest last. */
  addCommits(repo: StoredRepository, parent: string, seeds: readonly SeedCommit[]): StoredCommit[];
  pull(fullName: string, number: number): StoredPull;
  emit(change: GitHubChange): void;
  onChange(listener: (change: GitHubChange) => void): () => void;
}

/** Creates the state; repositories are created on first mention with a `main` branch and one commit. */
export function createGitHubState(clock: Clock, firstId = 1001): GitHubState {
  const repos = new Map<string, StoredRepository>();
  const listeners = new Set<(change: GitHubChange) => void>();
  let id = firstId;
  const state: GitHubState = {
    clock,
    repos,
    users: new Map(),
    nextId: () => id++,
    repository(fullName) {
      const known = repos.get(fullName);
      if (known !== undefined) return known;
      const root: StoredCommit = {
        sha: fakeSha(fullName, 'root'),
        message: 'Initial commit',
        author: { login: fullName.split('/')[0] ?? 'octocat', name: 'Initial', email: 'initial@example.com' },
        parents: [],
        at: clock(),
      };
      const repo: StoredRepository = {
        id: state.nextId(),
        fullName,
        defaultBranch: 'main',
        branches: new Map([['main', root.sha]]),
        pulls: new Map(),
        comments: [],
        checkRuns: [],
        statuses: [],
        deployments: [],
        commits: new Map([[root.sha, root]]),
      };
      repos.set(fullName, repo);
      return repo;
    },
    addCommits(repo, parent, seeds) {
      let previous = parent;
      return seeds.map((seed, index) => {
        const login = seed.author.login ?? null;
        const commit: StoredCommit = {
          sha: seed.sha ?? fakeSha(repo.fullName, previous, index, seed.message ?? ''),
          message: seed.message ?? `Commit ${index + 1}`,
          author: {
            login,
            name: seed.author.name ?? login ?? 'Someone',
            email: seed.author.email ?? `${login ?? 'someone'}@users.noreply.github.com`,
          },
          parents: [previous],
          at: clock(),
        };
        repo.commits.set(commit.sha, commit);
        previous = commit.sha;
        return commit;
      });
    },
    pull(fullName, number) {
      const pull = repos.get(fullName)?.pulls.get(number);
      if (pull === undefined) throw new Error(`github stand-in: no pull request ${fullName}#${number}`);
      return pull;
    },
    emit: (change) => {
      for (const listener of listeners) listener(change);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return state;
}
