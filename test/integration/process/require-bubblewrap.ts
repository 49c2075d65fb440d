import { probeBubblewrap } from '../../../src/adapters/process/probe-bubblewrap.ts';

/** Where the escape suite expects bubblewrap; CI installs it there. */
export const BWRAP_PATH = process.env.SHIPLOCK_TEST_BWRAP ?? '/usr/bin/bwrap';

/**
 * Fails (never skips) when bubblewrap does not work: a skipped escape suite would let a broken
 * sandbox ship green.
 */
export async function requireBubblewrap(): Promise<void> {
  const probe = await probeBubblewrap({ bwrapPath: BWRAP_PATH });
  if (!probe.ok) {
    throw new Error(
      `The sandbox escape suite needs a working bubblewrap at ${BWRAP_PATH} (${probe.reason}). ` +
        'Install it with `apt-get install bubblewrap` (CI does), and allow unprivileged user namespaces.',
    );
  }
}
