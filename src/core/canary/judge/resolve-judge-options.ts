import type { JudgeOptions } from './judge-types.ts';

/** Judge options with every default filled in. */
export type ResolvedJudgeOptions = Required<JudgeOptions>;

/** Fills in the CANARY.md §6.3 defaults and rejects values that make no sense (a bug in the caller). */
export function resolveJudgeOptions(options: JudgeOptions): ResolvedJudgeOptions {
  const o: ResolvedJudgeOptions = {
    alpha: options.alpha ?? 0.01,
    healthyConfidence: options.healthyConfidence ?? 0.9,
    minSamples: options.minSamples ?? 10,
    autocorrelationThreshold: options.autocorrelationThreshold ?? 0.2,
    minAutocorrelationSamples: options.minAutocorrelationSamples ?? 20,
    autocorrelationConfidence: options.autocorrelationConfidence ?? 0.95,
    maxBlockSize: options.maxBlockSize ?? 60,
    nonCriticalToFail: options.nonCriticalToFail ?? 1,
    leakHorizon: options.leakHorizon ?? 1440,
    maxLeakPoints: options.maxLeakPoints ?? 240,
  };
  const fraction = (v: number) => v > 0 && v < 1;
  const whole = (v: number) => Number.isInteger(v) && v >= 1;
  if (
    !(
      fraction(o.alpha) &&
      fraction(o.healthyConfidence) &&
      fraction(o.autocorrelationThreshold) &&
      fraction(o.autocorrelationConfidence)
    )
  ) {
    throw new RangeError(
      'alpha, healthyConfidence, autocorrelationThreshold and autocorrelationConfidence must be in (0, 1)',
    );
  }
  if (!(whole(o.minSamples) && whole(o.maxBlockSize) && whole(o.nonCriticalToFail) && o.maxLeakPoints >= 3)) {
    throw new RangeError('minSamples, maxBlockSize and nonCriticalToFail must be positive integers, maxLeakPoints ≥ 3');
  }
  if (!(o.leakHorizon > 0)) throw new RangeError('leakHorizon must be positive');
  return o;
}
