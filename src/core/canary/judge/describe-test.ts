import { formatNumber } from './format-number.ts';
import { formatRatio } from './format-ratio.ts';
import type { JsonNumber, TestTrace } from './judge-types.ts';

const num = (v: JsonNumber): number => (typeof v === 'number' ? v : Number(v));

/** An effect in its unit: "+12.3 %" for ratios, "+0.05" for differences, "+1.2e3/sample" for slopes. */
export function describeEffect(unit: TestTrace['effect']['unit'], v: JsonNumber): string {
  const x = num(v);
  if (unit === 'ratio') return formatRatio(x);
  const signed = `${x > 0 ? '+' : x < 0 ? '−' : ''}${formatNumber(Math.abs(x))}`;
  return unit === 'slope' ? `${signed}/sample` : signed;
}

/**
 * One line saying what a test showed, by the rule that fired: "p99 +23.4 % (90 % CI +15 %…+31 %),
 * p_adj 3e-4 ≤ α 0.0052, beyond +10 %", "no data (canary: empty)", "too few samples: 4 / 12 (need 10)".
 */
export function describeTest(t: TestTrace, minSamples: number): string {
  if (t.rule === 'no_data') return `no data (${t.flags.join('; ')})`;
  if (t.rule === 'too_few_samples') {
    return `too few samples: canary ${t.samples.canary.used}, baseline ${t.samples.baseline.used} (need ${minSamples})`;
  }
  if (t.rule === 'no_errors') return 'no errors on either track: nothing to compare yet';
  const e = t.effect;
  const ci = `${Math.round(e.confidence * 100)} % CI ${describeEffect(e.unit, e.lower)}…${describeEffect(e.unit, e.upper)}`;
  const band = `margin ${describeEffect(e.unit, t.margin.lower)}…${describeEffect(e.unit, t.margin.upper)}`;
  const p = `p_adj ${formatNumber(num(t.p.adjusted), 2)} vs α ${formatNumber(t.p.alpha, 2)}`;
  const head = `${describeEffect(e.unit, e.estimate)} (${ci}), ${p}, ${band}`;
  switch (t.rule) {
    case 'significant_beyond_margin':
      return `${head}: significant and beyond the margin`;
    case 'within_margin':
      return `${head}: shown within the margin`;
    case 'cannot_reach_alpha':
      return `${head}: too few samples to reach α (min p ${formatNumber(num(t.p.minAttainable), 2)})`;
    case 'significant_within_margin':
      return `${head}: significant but not beyond the margin`;
    default:
      return `${head}: not significant, not shown within the margin`;
  }
}
