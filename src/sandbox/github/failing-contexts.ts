import type { StoredRepository } from './types.ts';

/** A status context or check run that is not green. */
export interface FailingContext {
  readonly name: string;
  readonly state: string;
}

/**
 * The contexts that block a deployment of `sha`: of `required` (default: every context on the
 * commit), those whose latest status or check run is not successful.
 */
export function failingContexts(
  repo: StoredRepository,
  sha: string,
  required: readonly string[] | undefined,
): FailingContext[] {
  const latest = new Map<string, string>();
  for (const status of repo.statuses) if (status.sha === sha) latest.set(status.context, status.state);
  for (const run of repo.checkRuns) {
    if (run.headSha === sha)
      latest.set(run.name, run.status === 'completed' ? (run.conclusion ?? 'pending') : 'pending');
  }
  const names = required ?? [...latest.keys()];
  return names
    .map((name) => ({ name, state: latest.get(name) ?? 'pending' }))
    .filter((context) => !['success', 'neutral', 'skipped'].includes(context.state));
}
