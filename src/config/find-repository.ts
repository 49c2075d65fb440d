import type { Config, RepositoryConfig } from './types.ts';

/** The configured repository named `repo` (`owner/repo`, compared case-insensitively as GitHub does). */
export function findRepository(config: Config, repo: string): RepositoryConfig | undefined {
  const wanted = repo.toLowerCase();
  return config.repositories.find((r) => r.name.toLowerCase() === wanted);
}
