import { Octokit } from '@octokit/rest';
import { createGitHubApi } from '../../../src/adapters/github/create-github-api.ts';
import type { GitHubApi } from '../../../src/adapters/github/github-api.ts';
import {
  createGitHubStandIn,
  type GitHubStandIn,
  type GitHubStandInOptions,
} from '../../../src/sandbox/github/index.ts';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** The real Octokit pointed at the stand-in. */
export function octokitFor(standIn: GitHubStandIn, auth: string | undefined = standIn.token): Octokit {
  return new Octokit({ ...(auth === undefined ? {} : { auth }), baseUrl: standIn.url, log: quiet });
}

/** A stand-in, an Octokit on it, and the `GitHubApi` under test. */
export async function startGitHub(
  options: GitHubStandInOptions = {},
): Promise<{ standIn: GitHubStandIn; octokit: Octokit; api: GitHubApi }> {
  const standIn = await createGitHubStandIn(options);
  const octokit = octokitFor(standIn);
  return { standIn, octokit, api: createGitHubApi({ octokit }) };
}

/** A unified diff of one file. */
export const SAMPLE_DIFF = [
  'diff --git a/src/app.ts b/src/app.ts',
  'index 83db48f..bf269f4 100644',
  '--- a/src/app.ts',
  '+++ b/src/app.ts',
  '@@ -1,2 +1,2 @@',
  "-export const greeting = 'hello';",
  "+export const greeting = 'hello, world';",
  ' export const answer = 42;',
  '',
].join('\n');
