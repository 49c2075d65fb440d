import type { GitHubReporter } from '../shell/ports.ts';

/**
 * Sends one rollout's GitHub reports one at a time, in the order the shell asked for them. The
 * reporter finds a check run or deployment by its external id and creates it when there is none,
 * and the shell runs outbox commands concurrently: a fast deploy's `in_progress` and `success`
 * reports in flight together both created a deployment, and GitHub could receive them in either
 * order (a check run left `in_progress` after `completed` blocks a merge that requires it).
 */
export function serializeReports(reporter: GitHubReporter): GitHubReporter {
  const queues = new Map<string, Promise<void>>();
  return {
    report(command) {
      const key = command.rolloutId;
      const next = (queues.get(key) ?? Promise.resolve()).catch(() => undefined).then(() => reporter.report(command));
      queues.set(key, next);
      const forget = () => {
        if (queues.get(key) === next) queues.delete(key);
      };
      next.then(forget, forget);
      return next;
    },
  };
}
