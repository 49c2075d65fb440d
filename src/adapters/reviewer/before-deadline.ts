/** The rejection of a promise that lost the race against its deadline. */
export class DeadlineExceeded extends Error {
  constructor(what: string) {
    super(`shiplock_deadline_exceeded: ${what} took too long`);
  }
}

/**
 * `promise`, or a {@link DeadlineExceeded} rejection as soon as `signal` fires. Needed on top of
 * passing the signal along: the `openai` client sleeps between retries (honouring a long
 * `retry-after`) without watching the signal, so a deadline must be enforced from outside.
 */
export function beforeDeadline<T>(promise: Promise<T>, signal: AbortSignal, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DeadlineExceeded(what));
    if (signal.aborted) {
      promise.catch(() => {});
      return onAbort();
    }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
