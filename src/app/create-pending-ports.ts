import type { CanaryJudge, Verifier } from '../shell/ports.ts';

/**
 * The canary judge and production verification, until they are built (issues #5 and #6). Both
 * fail closed and say why on the card: an inconclusive canary blocks approval, a verification
 * that cannot run rolls production back. Nothing is ever judged healthy without metrics.
 */
export function createPendingPorts(): { readonly canary: CanaryJudge; readonly verifier: Verifier } {
  return {
    canary: {
      judge: async () => ({
        verdict: 'inconclusive',
        summary: 'canary analysis is not built yet (issue #5): inconclusive, which blocks',
      }),
    },
    verifier: {
      verify: async () => ({
        ok: false,
        summary: 'production verification is not built yet (issue #6): treated as failed',
      }),
    },
  };
}
