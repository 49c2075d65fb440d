import type { JudgeRule, SampleCount } from './judge-types.ts';

/**
 * What one test measured, before multiplicity: effects on an additive scale (log ratio for `ratio`
 * units), where the margin band is [−margin, +margin]. `untested` carries the rule that stopped it.
 */
export interface TestEvidence {
  readonly test: 'shift' | 'rate_ratio' | 'leak';
  /** The rule when the test could not run (`no_data`, `too_few_samples`, `no_errors`), else null. */
  readonly untested: Extract<JudgeRule, 'no_data' | 'too_few_samples' | 'no_errors'> | null;
  readonly samples: { readonly canary: SampleCount; readonly baseline: SampleCount };
  readonly blockSize: number;
  readonly autocorrelation: { readonly canary: number; readonly baseline: number };
  /** Pooled estimate, its upper bound (sets the block size) and effective points per track. */
  readonly dependence: { readonly pooled: number; readonly upper: number; readonly effectiveSamples: number };
  readonly center: { readonly canary: number; readonly baseline: number };
  /** `ratio` effects are stored as natural logs and reported as ratios. */
  readonly unit: 'ratio' | 'difference' | 'slope';
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  /** Half-width of the margin band on the additive scale (log(1 + margin) for ratios). */
  readonly margin: number;
  /** Raw p-value in the harmful direction (1 when untested). */
  readonly p: number;
  /** The smallest p this test could return with these sample sizes. */
  readonly minAttainableP: number;
  readonly flags: readonly string[];
}

/** Evidence of a test that did not run: nothing is known. */
export function untestedEvidence(
  test: TestEvidence['test'],
  rule: NonNullable<TestEvidence['untested']>,
  samples: TestEvidence['samples'],
  unit: TestEvidence['unit'],
  margin: number,
  flags: readonly string[],
): TestEvidence {
  return {
    test,
    untested: rule,
    samples,
    blockSize: 1,
    autocorrelation: { canary: 0, baseline: 0 },
    dependence: { pooled: 0, upper: 0, effectiveSamples: 0 },
    center: { canary: Number.NaN, baseline: Number.NaN },
    unit,
    estimate: Number.NaN,
    lower: Number.NEGATIVE_INFINITY,
    upper: Number.POSITIVE_INFINITY,
    margin,
    p: 1,
    minAttainableP: 1,
    flags,
  };
}
