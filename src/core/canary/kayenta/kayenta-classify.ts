import { kayentaAddNoise } from './kayenta-add-noise.ts';
import { kayentaCles } from './kayenta-cles.ts';
import { createJavaRandom } from './kayenta-java-random.ts';
import { kayentaMannWhitney } from './kayenta-mann-whitney.ts';
import { kayentaMeanRatio } from './kayenta-mean-ratio.ts';
import type { KayentaMetricConfig, KayentaMetricResult } from './kayenta-types.ts';

function early(classification: KayentaMetricResult['classification'], critical: boolean, reason: string) {
  return { classification, critical, deviation: 1.0, reason, test: null } satisfies KayentaMetricResult;
}

function sameMultiset(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  const sa = Float64Array.from(a).sort();
  const sb = Float64Array.from(b).sort();
  return sa.every((v, i) => v === sb[i]);
}

function distinctCount(values: readonly number[]): number {
  return new Set(values).size;
}

/**
 * Kayenta's `MannWhitneyClassifier.classify` (§2.3), faithfully, defects included (§2.9): no data →
 * Nodata / NodataFailMetric (or Pass under nanStrategy `replace`); identical multisets or one value overall
 * → Pass; one value per group → seeded Gaussian noise; then High ⇔ CI low > tolerance·|est| and the effect
 * gate, Low ⇔ CI high < −tolerance·|est| and the effect gate; critical only past the critical gates. An
 * all-tied sample (Kayenta's exception) gives Error "Metric Classification Failed". Series must already be
 * transformed (`kayentaTransformSeries`).
 */
export function kayentaClassify(
  config: KayentaMetricConfig,
  canary: readonly number[],
  baseline: readonly number[],
): KayentaMetricResult {
  if (canary.length === 0 || baseline.length === 0) {
    if (config.nanStrategy === 'replace') return early('Pass', false, '');
    const reason = `Missing data for ${config.name}`;
    if (config.mustHaveData && !config.critical) return early('NodataFailMetric', false, reason);
    return early('Nodata', config.critical, reason);
  }
  if (sameMultiset(canary, baseline)) return early('Pass', false, 'The Canary and Baseline data are identical');
  if (distinctCount([...canary, ...baseline]) === 1) return early('Pass', false, '');

  const noiseAdded = distinctCount(canary) === 1 && distinctCount(baseline) === 1;
  const random = createJavaRandom(config.noiseSeed);
  const x = noiseAdded ? kayentaAddNoise(canary, random) : canary;
  const y = noiseAdded ? kayentaAddNoise(baseline, random) : baseline;
  const mw = kayentaMannWhitney(x, y, config.confLevel);
  if (mw.kind === 'all_tied') return early('Error', config.critical, 'Metric Classification Failed');

  const deviation = kayentaMeanRatio(x, y);
  const cles = kayentaCles(x, y);
  const effect = config.effectSize.measure === 'cles' ? cles : deviation;
  const bound = config.tolerance * Math.abs(mw.estimate);
  const gates = config.effectSize;
  const test = {
    ciLow: mw.ciLow,
    ciHigh: mw.ciHigh,
    estimate: mw.estimate,
    effectSize: effect,
    bound,
    cles,
    noiseAdded,
  };
  const up = config.direction !== 'decrease';
  const down = config.direction !== 'increase';
  const atLeast = (limit: number): boolean => Number.isNaN(effect) || effect >= limit;
  const atMost = (limit: number): boolean => Number.isNaN(effect) || effect <= limit;
  const label =
    up && mw.ciLow > bound && atLeast(gates.allowedIncrease)
      ? 'High'
      : down && mw.ciHigh < -bound && atMost(gates.allowedDecrease)
        ? 'Low'
        : 'Pass';
  if (label === 'Pass') return { classification: label, critical: false, deviation, reason: '', test };
  const critical =
    config.critical && (label === 'High' ? atLeast(gates.criticalIncrease) : atMost(gates.criticalDecrease));
  const reason = critical
    ? `The metric ${config.name} was classified as ${label} (Critical)`
    : `${config.name} was classified as ${label}`;
  return { classification: label, critical, deviation, reason, test };
}
