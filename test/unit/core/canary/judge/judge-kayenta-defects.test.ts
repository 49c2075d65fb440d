/**
 * Kayenta's defect vectors (CANARY.md §2.9, `DEFECTS`) as golden values of the native judge: each
 * is judged as one continuous metric, direction as the vector's call, at Kayenta's own level
 * (α = 0.02 two-sided, one look, margin 10 %) and with minSamples 3 so the vectors' statistics
 * decide. Where the native verdict differs from `DEFECTS[].correct.verdict`, the reason says why.
 */
import { describe, expect, it } from 'vitest';
import { judgeCanary } from '../../../../../src/core/canary/judge/index.ts';
import { DEFECTS } from '../../../../../src/core/canary/kayenta/kayenta-defects.ts';
import { loadKayentaVectors } from '../kayenta/load-kayenta-vectors.ts';
import { series } from './judge-fixtures.ts';

const vectors = new Map(loadKayentaVectors().vectors.map((v) => [v.id, v]));

/** Native verdict and rule per vector, with the reason. */
const GOLDEN: Record<string, readonly [string, string, string]> = {
  'kay-classify-08': [
    'inconclusive',
    'significant_within_margin',
    'corrects DEFECTS (unhealthy): p = 2.8e-9 but the exact HL shift is 0 — the typical canary point equals the baseline; the difference is how often values are non-zero, a rate question the counts test answers, not a shift beyond a margin',
  ],
  'kay-classify-12': [
    'inconclusive',
    'significant_within_margin',
    'corrects DEFECTS (unhealthy): same data as kay-classify-08',
  ],
  'kay-mw-07': [
    'inconclusive',
    'significant_within_margin',
    'same data as kay-classify-08; the interval is [0, 0], never inverted',
  ],
  'kay-classify-13': ['inconclusive', 'not_significant', 'p = 0.084: no evidence either way, and the judge can say so'],
  'kay-classify-11': [
    'inconclusive',
    'not_significant',
    '5 v 5, p = 0.056 > 0.02: the HL shift −50 % is exact but not significant',
  ],
  'kay-classify-17': ['unhealthy', 'significant_beyond_margin', 'either direction: −90 %, p = 0.0097, exact estimate'],
  'kay-mw-04': ['healthy', 'within_margin', 'the shift is −5e-8 relative, its 90 % interval deep inside ±10 %'],
  'kay-issue-03': [
    'inconclusive',
    'not_significant',
    'a variance change: HL 0, p = 1, an interval too wide to show health',
  ],
  'constructed-d4-3v3': [
    'inconclusive',
    'cannot_reach_alpha',
    '3 v 3 cannot reach p ≤ 0.02 (min 0.1): the guard, never a clamped High',
  ],
  'kay-issue-01': ['unhealthy', 'significant_beyond_margin', 'p = 0.0016 and ×100: no tolerance heuristic hides it'],
  'kay-classify-31': [
    'unhealthy',
    'significant_beyond_margin',
    'a zero baseline switches to the linear scale; +55.1 exact',
  ],
  'kay-classify-32': ['unhealthy', 'significant_beyond_margin', 'a zero canary, linear scale; −55.1 exact'],
  'kay-classify-29': [
    'unhealthy',
    'significant_beyond_margin',
    'no noise needed: ×10 on constant groups, deterministic',
  ],
  'kay-classify-30': ['unhealthy', 'significant_beyond_margin', 'no noise, no mean ratio: +10 on the linear scale'],
  'kay-issue-02': ['inconclusive', 'not_significant', 'sparse counts, p = 0.073: not enough evidence either way'],
};

function inputsOf(entry: (typeof DEFECTS)[number]) {
  if (entry.constructed)
    return { canary: entry.constructed.canary, baseline: entry.constructed.baseline, direction: 'either' as const };
  const v = vectors.get(entry.vectorId);
  if (v.kind === 'metric_classification') {
    return {
      canary: v.inputs.experiment_canary,
      baseline: v.inputs.control_baseline,
      direction: v.inputs.call.direction,
    };
  }
  return { canary: v.inputs.x, baseline: v.inputs.y, direction: 'either' as const };
}

describe('native judge on Kayenta’s defect vectors (golden)', () => {
  it.each(DEFECTS.map((d) => [d.vectorId, d] as const))('%s', (id, entry) => {
    const { canary, baseline, direction } = inputsOf(entry);
    const j = judgeCanary(
      { metrics: [series(canary, baseline, { direction })], look: 1, looks: 1 },
      { alpha: 0.02, minSamples: 3 },
    );
    const [verdict, rule, reason] = GOLDEN[id] as readonly [string, string, string];
    expect([j.verdict, j.metrics[0]?.rule], reason).toEqual([verdict, rule]);
    if (entry.correct.verdict !== null && entry.correct.verdict !== verdict)
      expect(reason).toMatch(/^corrects DEFECTS/);
    if (entry.correct.verdict === null || id.startsWith('kay-classify-12')) return;
    // The estimate is the exact HL shift the oracles give (as a ratio on the log scale). The
    // oracles see the raw values, so compare without blocks (autocorrelation may block the
    // default run: kay-classify-13's pooled ρ̂ bound is 0.28).
    const raw = judgeCanary(
      { metrics: [series(canary, baseline, { direction })], look: 1, looks: 1 },
      { alpha: 0.02, minSamples: 3, maxBlockSize: 1 },
    );
    const t = raw.metrics[0]?.tests[0];
    const hl = t?.effect.unit === 'ratio' ? null : t?.effect.estimate;
    if (hl !== null && hl !== undefined) expect(hl).toBeCloseTo(entry.correct.hlShift, 9);
  });

  it('every defect vector has a golden entry', () => {
    expect(Object.keys(GOLDEN).sort()).toEqual(DEFECTS.map((d) => d.vectorId).sort());
  });
});
