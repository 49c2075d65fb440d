import { ok } from './github-reply.ts';
import type { Route } from './route-request.ts';

/** The primary rate limit of one token, as the transport counts it. */
export interface RateWindow {
  readonly limit: number;
  used: number;
  /** Epoch seconds when the window resets. */
  reset: number;
}

/** The `rate-limit` object of a window. */
export function toApiRate(window: RateWindow): { limit: number; used: number; remaining: number; reset: number } {
  return {
    limit: window.limit,
    used: window.used,
    remaining: Math.max(0, window.limit - window.used),
    reset: window.reset,
  };
}

/** `GET /rate_limit`; the transport passes the caller's window in `request.params.window`. */
export function createRateLimitRoute(windowOf: (token: string) => RateWindow): Route {
  return {
    method: 'GET',
    path: '/rate_limit',
    docs: 'https://docs.github.com/rest/rate-limit/rate-limit#get-rate-limit-status-for-the-authenticated-user',
    handle(request) {
      const core = toApiRate(windowOf(request.token.token));
      const idle = { limit: 5000, used: 0, remaining: 5000, reset: core.reset };
      return ok({ resources: { core, search: { ...idle, limit: 30, remaining: 30 }, graphql: idle }, rate: core });
    },
  };
}
