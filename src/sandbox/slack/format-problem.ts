/**
 * One validator problem as the line Slack would put in `response_metadata.messages`: strings as they
 * are, `{ path, rule, limit, actual }` violations as `path: rule limit, got actual`, anything else as JSON.
 */
export function formatProblem(problem: unknown): string {
  if (typeof problem === 'string') return problem;
  if (typeof problem === 'object' && problem !== null && 'path' in problem && 'rule' in problem) {
    const { path, rule, limit, actual } = problem as {
      path: unknown;
      rule: unknown;
      limit?: unknown;
      actual?: unknown;
    };
    return `${String(path)}: ${String(rule)} ${String(limit ?? '')}, got ${String(actual ?? '')}`;
  }
  return JSON.stringify(problem);
}
