import type { ApiReply } from './github-reply.ts';
import type { ForcedFailure, JsonObject } from './types.ts';

/** Failures forced on coming requests, matched by `METHOD /openapi/{template}` or `METHOD /concrete/path`. */
export interface Failures {
  add(route: string, failure: ForcedFailure): void;
  /** The forced answer for this request, if one is queued; consumes it. */
  take(method: string, template: string, path: string): ApiReply | undefined;
}

const SECONDARY_DOCS =
  'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits';

function defaultBody(status: number, secondary: boolean): JsonObject {
  if (secondary) {
    const message =
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
      'If you reach out to GitHub Support for help, please include the request ID.';
    return { message, documentation_url: SECONDARY_DOCS };
  }
  const messages: Record<number, string> = { 401: 'Bad credentials', 403: 'Forbidden', 404: 'Not Found' };
  return {
    message: messages[status] ?? (status >= 500 ? 'Server Error' : 'Error'),
    documentation_url: 'https://docs.github.com/rest',
  };
}

/**
 * Forced failures. A 403 or 429 with no explicit `retryAfter: 0` is a secondary rate limit, answered
 * with `retry-after` as GitHub does.
 */
export function createFailures(): Failures {
  const queue: { route: string; failure: ForcedFailure; left: number }[] = [];
  return {
    add(route, failure) {
      queue.push({ route: route.replace(/\s+/, ' '), failure, left: failure.times ?? 1 });
    },
    take(method, template, path) {
      const index = queue.findIndex(
        (item) => item.route === `${method} ${template}` || item.route === `${method} ${path}`,
      );
      const item = queue[index];
      if (item === undefined) return undefined;
      item.left -= 1;
      if (item.left <= 0) queue.splice(index, 1);
      const { status, body, retryAfter } = item.failure;
      const secondary = (status === 403 || status === 429) && retryAfter !== 0;
      const headers: Record<string, string> = secondary ? { 'retry-after': String(retryAfter ?? 60) } : {};
      return { status, headers, body: body ?? defaultBody(status, secondary) };
    },
  };
}
