/** `owner/name` as Octokit's `{ owner, repo }`; anything else is a caller bug. */
export function toRepoParams(fullName: string): { owner: string; repo: string } {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(fullName);
  if (match?.[1] === undefined || match[2] === undefined) {
    throw new Error(`shiplock_github_bad_repo: "${fullName}" is not owner/name`);
  }
  return { owner: match[1], repo: match[2] };
}
