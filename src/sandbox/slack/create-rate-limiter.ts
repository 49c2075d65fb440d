import type { Clock, ForcedFailure, RateLimit } from './types.ts';

/** What the limiter decided for one call. */
export type RateDecision =
  | { readonly kind: 'pass' }
  | { readonly kind: 'fail'; readonly status: number; readonly error: string; readonly retryAfter?: number };

/** Per-method rate limits and forced failures. */
export interface RateLimiter {
  /** Counts the call and decides; `channel` feeds the per-channel limit. */
  check(method: string, channel: string | undefined): RateDecision;
  /** Fails the next call(s) of `method` (default: 429, `Retry-After: 1`). */
  failNext(method: string, failure?: ForcedFailure): void;
  /** Sets or clears a method's limit. */
  setLimit(method: string, limit: RateLimit | undefined): void;
}

const MINUTE_MS = 60_000;
const SECOND_MS = 1000;

/**
 * Over its limit Slack answers HTTP 429 with `Retry-After` (seconds) and `{ok:false, error:'ratelimited'}`
 * (https://docs.slack.dev/apis/web-api/rate-limits). Windows slide; refused calls do not count.
 */
export function createRateLimiter(clock: Clock, limits: Readonly<Record<string, RateLimit>> = {}): RateLimiter {
  const configured = new Map<string, RateLimit>(Object.entries(limits));
  const forced = new Map<string, { failure: ForcedFailure; left: number }[]>();
  const windows = new Map<string, number[]>();

  const windowFor = (key: string, spanMs: number, now: number): number[] => {
    const kept = (windows.get(key) ?? []).filter((at) => now - at < spanMs);
    windows.set(key, kept);
    return kept;
  };
  const limited = (retryAfter: number): RateDecision => ({
    kind: 'fail',
    status: 429,
    error: 'ratelimited',
    retryAfter: Math.max(1, retryAfter),
  });

  const takeForced = (method: string): RateDecision | undefined => {
    const queue = forced.get(method);
    const head = queue?.[0];
    if (queue === undefined || head === undefined) return undefined;
    head.left -= 1;
    if (head.left <= 0) queue.shift();
    const { status, error, retryAfter } = head.failure;
    if (status === undefined && error !== undefined) return { kind: 'fail', status: 200, error };
    const code = status ?? 429;
    if (code === 429) return limited(retryAfter ?? 1);
    return { kind: 'fail', status: code, error: error ?? (code >= 500 ? 'internal_error' : 'invalid_request') };
  };

  return {
    check(method, channel) {
      const forcedDecision = takeForced(method);
      if (forcedDecision !== undefined) return forcedDecision;
      const limit = configured.get(method);
      if (limit === undefined) return { kind: 'pass' };
      const now = clock();
      const perMinute = windowFor(method, MINUTE_MS, now);
      if (limit.perMinute !== undefined && perMinute.length >= limit.perMinute) {
        return limited(Math.ceil(((perMinute[0] ?? now) + MINUTE_MS - now) / SECOND_MS));
      }
      const channelKey = `${method} ${channel ?? ''}`;
      const perSecond = windowFor(channelKey, SECOND_MS, now);
      if (limit.perSecondPerChannel !== undefined && perSecond.length >= limit.perSecondPerChannel) {
        return limited(1);
      }
      perMinute.push(now);
      perSecond.push(now);
      return { kind: 'pass' };
    },
    failNext(method, failure = {}) {
      const queue = forced.get(method) ?? [];
      queue.push({ failure, left: failure.times ?? 1 });
      forced.set(method, queue);
    },
    setLimit(method, limit) {
      if (limit === undefined) configured.delete(method);
      else configured.set(method, limit);
    },
  };
}
