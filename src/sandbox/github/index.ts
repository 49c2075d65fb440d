export { createGitHubStandIn } from './create-github-stand-in.ts';
export {
  DEFAULT_CLASSIC_TOKEN,
  DEFAULT_INSTALLATION_TOKEN,
  type GitHubStandIn,
  type GitHubStandInOptions,
  type OpenPullRequestOptions,
  type PushOptions,
} from './github-stand-in.ts';
export type {
  ForcedFailure,
  GitHubChange,
  RecordedCall,
  SeedCommit,
  SeedToken,
  StoredCheckRun,
  StoredComment,
  StoredDeployment,
  StoredDeploymentStatus,
  StoredPull,
  StoredRepository,
  StoredStatus,
} from './types.ts';
