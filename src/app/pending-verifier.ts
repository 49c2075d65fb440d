import type { Verifier } from '../shell/ports.ts';

/**
 * Production verification, until it is built (issue #6). It fails closed and says why on the
 * card: a verification that cannot run rolls production back.
 */
export const pendingVerifier: Verifier = {
  verify: async () => ({
    ok: false,
    summary: 'production verification is not built yet (issue #6): treated as failed',
  }),
};
