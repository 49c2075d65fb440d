import type { TestDecision } from './decide-test.ts';
import type { TestTrace } from './judge-types.ts';
import type { TestEvidence } from './test-evidence.ts';
import { toJsonNumber as j } from './to-json-number.ts';

/**
 * A test's JSON-safe trace: ratio effects (kept as logs while judging) are reported as ratios
 * canary/baseline, with the margin band as ratios [1/(1 + margin), 1 + margin].
 */
export function toTestTrace(
  e: TestEvidence,
  decision: TestDecision,
  adjustedP: number,
  alpha: number,
  relativeMargin: number,
  confidence: number,
): TestTrace {
  const show = e.unit === 'ratio' ? Math.exp : (v: number) => v;
  return {
    test: e.test,
    verdict: decision.verdict,
    rule: decision.rule,
    samples: e.samples,
    blockSize: e.blockSize,
    autocorrelation: { canary: j(e.autocorrelation.canary), baseline: j(e.autocorrelation.baseline) },
    dependence: {
      pooled: j(e.dependence.pooled),
      upper: j(e.dependence.upper),
      effectiveSamples: j(e.dependence.effectiveSamples),
    },
    center: { canary: j(e.center.canary), baseline: j(e.center.baseline) },
    effect: {
      unit: e.unit,
      estimate: j(show(e.estimate)),
      lower: j(show(e.lower)),
      upper: j(show(e.upper)),
      confidence,
    },
    margin: { lower: j(show(-e.margin)), upper: j(show(e.margin)), relative: relativeMargin },
    p: { raw: j(e.p), adjusted: j(adjustedP), alpha, minAttainable: j(e.minAttainableP) },
    flags: e.flags,
  };
}
