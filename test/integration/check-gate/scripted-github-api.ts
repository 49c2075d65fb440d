import type { CheckRunSnapshot, GitHubApi } from '../../../src/adapters/github/github-api.ts';

/** One scripted answer of `listCheckRuns`: runs, or an error thrown. */
export type Answer = readonly CheckRunSnapshot[] | Error;

/** A GitHubApi that answers `listCheckRuns` from a script (the last answer repeats); nothing else. */
export interface ScriptedGitHubApi extends GitHubApi {
  readonly calls: { repo: string; sha: string; checkName: string }[];
  /** Replaces what the next calls answer. */
  answerNext(...answers: Answer[]): void;
}

const unused = (): never => {
  throw new Error('not used by the check gate');
};

/** Creates the fake; the gate depends on the interface only, so this is all it can call. */
export function createScriptedGitHubApi(...initial: Answer[]): ScriptedGitHubApi {
  let script = [...initial];
  const calls: ScriptedGitHubApi['calls'] = [];
  return {
    calls,
    answerNext(...answers) {
      script = [...answers];
    },
    async listCheckRuns(repo, sha, checkName) {
      calls.push({ repo, sha, checkName });
      const answer = script.length > 1 ? script.shift() : script[0];
      if (answer === undefined) return [];
      if (answer instanceof Error) throw answer;
      return answer;
    },
    getPullRequest: unused,
    listOpenPullRequests: unused,
    listCommitAuthors: unused,
    getDiff: unused,
    listComments: unused,
    reportCheckRun: unused,
    reportDeployment: unused,
  };
}

/** A check run named `ci` unless told otherwise. */
export function checkRun(id: number, fields: Partial<CheckRunSnapshot> = {}): CheckRunSnapshot {
  return {
    id,
    name: 'ci',
    status: 'completed',
    conclusion: 'success',
    htmlUrl: `https://github.com/octo/app/runs/${id}`,
    ...fields,
  };
}
