const FULL_SHA = /^[0-9a-f]{40}$/;

/**
 * Accepts only a full 40-hex commit id (SHA-1 repositories, which is what GitHub serves) and
 * returns it lower-cased. A branch name or a short SHA could resolve to a different commit than
 * the one the rollout approved, so they are refused rather than resolved.
 */
export function parseCommitSha(sha: string): string {
  const lower = sha.toLowerCase();
  if (!FULL_SHA.test(lower)) {
    throw new Error(
      `shiplock_workspace_invalid_sha: expected 40 hex characters, got ${JSON.stringify(sha.slice(0, 60))}`,
    );
  }
  return lower;
}
