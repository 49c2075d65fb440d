import type { StoredRepository } from './types.ts';

/** The commit a ref names: a branch, a full SHA, or an unambiguous SHA prefix of 7+ characters. */
export function resolveSha(repo: StoredRepository, ref: string): string | undefined {
  const branch = repo.branches.get(ref.replace(/^refs\/heads\//, ''));
  if (branch !== undefined) return branch;
  if (repo.commits.has(ref)) return ref;
  for (const pull of repo.pulls.values()) if (pull.headRef === ref) return pull.commits.at(-1)?.sha;
  if (!/^[0-9a-f]{7,39}$/.test(ref)) return undefined;
  const matches = [...repo.commits.keys()].filter((sha) => sha.startsWith(ref));
  return matches.length === 1 ? matches[0] : undefined;
}
