/** A registration that resolves `woken` when a matching `notify` arrives. */
export interface WakeSignal {
  readonly woken: Promise<void>;
  /** Stops listening; call it once the wait is over. */
  cancel(): void;
}

/** Lets pollers sleep until either their timer or a webhook says "look now". */
export interface WaitSignals {
  /** Registers interest in one check name on one commit. Arm before polling so no notify is lost. */
  arm(repo: string, sha: string, checkName: string): WakeSignal;
  /** Wakes every waiter on this commit for `checkName`, or for any name with `'*'`. */
  notify(repo: string, sha: string, checkName: string): void;
}

interface Waiter {
  readonly checkName: string;
  readonly wake: () => void;
}

/** GitHub treats `owner/repo` case-insensitively and SHAs are hex: compare both lower-cased. */
function keyOf(repo: string, sha: string): string {
  return `${repo.toLowerCase()}@${sha.toLowerCase()}`;
}

/** Creates the in-process wake-up registry behind the check gate's `notify`. */
export function createWaitSignals(): WaitSignals {
  const waiters = new Map<string, Set<Waiter>>();
  return {
    arm(repo, sha, checkName) {
      const key = keyOf(repo, sha);
      const set = waiters.get(key) ?? new Set<Waiter>();
      waiters.set(key, set);
      let wake = (): void => undefined;
      const woken = new Promise<void>((resolve) => {
        wake = resolve;
      });
      const waiter: Waiter = { checkName, wake };
      set.add(waiter);
      const cancel = (): void => {
        set.delete(waiter);
        if (set.size === 0 && waiters.get(key) === set) waiters.delete(key);
      };
      return { woken, cancel };
    },
    notify(repo, sha, checkName) {
      for (const waiter of waiters.get(keyOf(repo, sha)) ?? []) {
        if (checkName === '*' || checkName === waiter.checkName) waiter.wake();
      }
    },
  };
}
