import { ZodError } from 'zod';

/** An error of a GitHub call, with a stable `shiplock_github_<code>` prefix and what a retry needs. */
export class GitHubApiError extends Error {
  override readonly name = 'GitHubApiError';
  /** The HTTP status GitHub answered (undefined for an answer that did not parse). */
  readonly status: number | undefined;
  /** Seconds GitHub asked to wait (`retry-after`, or until `x-ratelimit-reset`). */
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, options: { status?: number; retryAfterSeconds?: number; cause: unknown }) {
    super(message, { cause: options.cause });
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** The parts of Octokit's `RequestError` read here (duck-typed: no dependency on its class). */
interface HttpFailure {
  readonly status: number;
  readonly message: string;
  readonly response?: { readonly headers?: Readonly<Record<string, string | number | undefined>> };
}

function isHttpFailure(error: unknown): error is HttpFailure {
  return error instanceof Error && typeof (error as { status?: unknown }).status === 'number';
}

/** Seconds to wait before retrying, when GitHub said so. */
export function retryAfterOf(error: unknown): number | undefined {
  if (!isHttpFailure(error)) return undefined;
  const headers = error.response?.headers ?? {};
  const retryAfter = Number(headers['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter > 0) return retryAfter;
  if (String(headers['x-ratelimit-remaining']) !== '0') return undefined;
  const reset = Number(headers['x-ratelimit-reset']);
  return Number.isFinite(reset) ? Math.max(1, reset - Math.floor(Date.now() / 1000)) : undefined;
}

/**
 * Whether GitHub refused for a rate limit: 429, or 403 with `retry-after` or no remaining calls
 * (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api).
 */
export function isRateLimited(error: unknown): boolean {
  if (!isHttpFailure(error)) return false;
  return error.status === 429 || (error.status === 403 && retryAfterOf(error) !== undefined);
}

function codeOf(status: number, error: unknown): string {
  if (isRateLimited(error)) return 'rate_limited';
  const codes: Record<number, string> = {
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not_found',
    409: 'conflict',
    422: 'validation_failed',
  };
  return codes[status] ?? (status >= 500 ? 'server_error' : 'request_failed');
}

/** GitHub's own message, cut short: it is untrusted text on its way into logs. */
function shortMessage(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** Maps anything a GitHub call threw to a {@link GitHubApiError} naming the operation. */
export function toGitHubError(error: unknown, operation: string): GitHubApiError {
  if (error instanceof GitHubApiError) return error;
  // Our own coded errors (a bad repo name, an unattributed commit) keep their code.
  if (error instanceof Error && error.message.startsWith('shiplock_github_')) {
    return new GitHubApiError(error.message, { cause: error });
  }
  if (error instanceof ZodError) {
    const where = error.issues[0]?.path.join('.') ?? '';
    return new GitHubApiError(`shiplock_github_invalid_response: ${operation}: unexpected answer at "${where}"`, {
      cause: error,
    });
  }
  if (!isHttpFailure(error)) {
    const text = error instanceof Error ? error.message : String(error);
    return new GitHubApiError(`shiplock_github_request_failed: ${operation}: ${shortMessage(text)}`, { cause: error });
  }
  const retryAfterSeconds = retryAfterOf(error);
  const message = `shiplock_github_${codeOf(error.status, error)}: ${operation} answered ${error.status}: ${shortMessage(error.message)}`;
  return new GitHubApiError(message, {
    status: error.status,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    cause: error,
  });
}
