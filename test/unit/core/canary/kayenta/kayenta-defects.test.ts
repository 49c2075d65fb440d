import { describe, expect, it } from 'vitest';
import { kayentaClassify } from '../../../../../src/core/canary/kayenta/kayenta-classify.ts';
import { DEFECTS } from '../../../../../src/core/canary/kayenta/kayenta-defects.ts';
import { kayentaMannWhitney } from '../../../../../src/core/canary/kayenta/kayenta-mann-whitney.ts';
import { toKayentaMetricConfig } from '../../../../../src/core/canary/kayenta/to-kayenta-metric-config.ts';
import { configOf } from './config-of-vector.ts';
import { loadKayentaVectors } from './load-kayenta-vectors.ts';

const vectors = new Map(loadKayentaVectors().vectors.map((v) => [v.id, v]));

/** What compat mode outputs for a defect entry: the classifier for classification vectors, else the interval. */
function reproduce(entry: (typeof DEFECTS)[number]) {
  if (entry.constructed) {
    const r = kayentaClassify(
      toKayentaMetricConfig({ name: 'm' }),
      entry.constructed.canary,
      entry.constructed.baseline,
    );
    return {
      classification: r.classification,
      ciLow: r.test?.ciLow,
      ciHigh: r.test?.ciHigh,
      estimate: r.test?.estimate,
    };
  }
  const v = vectors.get(entry.vectorId);
  if (v.kind === 'metric_classification') {
    const r = kayentaClassify(configOf(v), v.inputs.experiment_canary, v.inputs.control_baseline);
    return {
      classification: r.classification,
      ciLow: r.test?.ciLow,
      ciHigh: r.test?.ciHigh,
      estimate: r.test?.estimate,
    };
  }
  const r = kayentaMannWhitney(v.inputs.x, v.inputs.y, v.inputs.confLevel);
  return r.kind === 'interval'
    ? { classification: null, ciLow: r.ciLow, ciHigh: r.ciHigh, estimate: r.estimate }
    : { classification: null };
}

describe('DEFECTS: compat mode reproduces Kayenta’s defective output exactly (CANARY.md §2.9)', () => {
  it.each(DEFECTS.map((d) => [`${d.vectorId} [${d.defects.join(', ')}]`, d] as const))('%s', (_title, entry) => {
    expect(reproduce(entry)).toEqual(entry.kayenta);
    if (entry.constructed) return;
    const v = vectors.get(entry.vectorId);
    const run = v.kayenta_run;
    // The table's numbers are the ones the unmodified Kayenta run reported, and its oracle facts the fixture's.
    expect([run.mw_ci_low ?? run.ci_low, run.mw_ci_high ?? run.ci_high, run.mw_estimate ?? run.estimate]).toEqual([
      entry.kayenta.ciLow,
      entry.kayenta.ciHigh,
      entry.kayenta.estimate,
    ]);
    expect(v.oracles.scipy.hl_shift_exact).toBe(entry.correct.hlShift);
    expect(v.oracles.scipy.p_exact ?? v.oracles.scipy.p_asym_cc).toBe(entry.correct.pValue);
  });

  it('every entry disagrees with the correct judge somewhere: verdict, interval order or estimate', () => {
    for (const d of DEFECTS) {
      const kayentaVerdict = d.kayenta.classification === 'Pass' ? 'healthy' : 'unhealthy';
      const wrongVerdict = d.correct.verdict !== null && d.correct.verdict !== kayentaVerdict;
      const inverted = d.kayenta.ciLow > d.kayenta.ciHigh;
      const offEstimate = d.kayenta.estimate !== d.correct.hlShift;
      const onlyBySeed = d.defects.includes('D7') || d.defects.includes('D6');
      expect(wrongVerdict || inverted || offEstimate || onlyBySeed, d.vectorId).toBe(true);
    }
  });
});
