/** What the demo must undo, in reverse order of starting it. */
export interface Cleanup {
  add(step: () => Promise<unknown> | unknown): void;
  /** Runs every step once, newest first; a failing step does not stop the others. */
  run(): Promise<void>;
}

/** A stack of cleanup steps: servers, child processes, the temporary directory. */
export function createCleanup(): Cleanup {
  const steps: (() => Promise<unknown> | unknown)[] = [];
  return {
    add: (step) => {
      steps.push(step);
    },
    async run() {
      while (steps.length > 0) {
        const step = steps.pop();
        try {
          await step?.();
        } catch {
          // Best effort: the rest must still stop, and the temporary directory must still go.
        }
      }
    },
  };
}
