import { describeEffect } from '../../core/canary/judge/describe-test.ts';
import { formatNumber } from '../../core/canary/judge/format-number.ts';
import type { CanaryJudgement, JsonNumber, MetricTrace, TestTrace } from '../../core/canary/judge/index.ts';
import type { CanaryMetricRow } from '../../core/types.ts';

/** Rows kept per look: the card shows a dozen, the thread the rest; a config never has more. */
const MAX_ROWS = 40;
/** Longest metric name carried (it is the operator's config; the renderers cut it again). */
const MAX_NAME = 80;
/** Longest display field; ours are far shorter, this only bounds the snapshot. */
const MAX_FIELD = 160;
/** Longest reason line (the judge's one-line description of the deciding test). */
const MAX_REASON = 400;
const MAX_FLAGS = 8;

/** Rules under which the test computed nothing to show: its numbers would all read n/a. */
const UNTESTED: ReadonlySet<string> = new Set(['no_data', 'too_few_samples', 'no_errors']);

/**
 * The card's and the thread's per-metric rows from one look's judgement (issues 3 and 5): for each
 * metric, its deciding test (the worst, as the judge decides) as short display strings — medians,
 * effect and interval, margin band, raw and Holm-adjusted p with the look's α, samples used, the
 * rule, data-quality flags and the judge's reason. Same judgement, same rows, byte for byte (the
 * judge's own locale-free formatting), so the snapshot stays replayable.
 */
export function toCanaryMetricRows(judgement: CanaryJudgement): CanaryMetricRow[] {
  return judgement.metrics.slice(0, MAX_ROWS).map(toRow);
}

function toRow(m: MetricTrace): CanaryMetricRow {
  const t = m.tests.find((x) => x.rule === m.rule && x.verdict === m.verdict) ?? m.tests[0];
  const base = {
    name: clip(m.name, MAX_NAME),
    verdict: m.rule === 'no_data' ? ('no_data' as const) : m.verdict,
    critical: m.critical,
    rule: m.rule,
    reason: clip(m.reason, MAX_REASON),
  };
  if (t === undefined) return { ...base, ...EMPTY, test: '—', flags: [] };
  const untested = UNTESTED.has(t.rule);
  const effect = (v: JsonNumber) => (untested ? '—' : shown(describeEffect(t.effect.unit, v)));
  return {
    ...base,
    test: t.test,
    baseline: number(t.center.baseline, 3),
    canary: number(t.center.canary, 3),
    effect: effect(t.effect.estimate),
    interval: untested
      ? '—'
      : clip(
          `${Math.round(t.effect.confidence * 100)} % CI ${effect(t.effect.lower)}…${effect(t.effect.upper)}`,
          MAX_FIELD,
        ),
    margin: untested ? '—' : clip(`${effect(t.margin.lower)}…${effect(t.margin.upper)}`, MAX_FIELD),
    pRaw: untested ? '—' : number(t.p.raw, 2),
    pAdjusted: untested ? '—' : number(t.p.adjusted, 2),
    alpha: number(t.p.alpha, 2),
    samples: clip(samples(t), MAX_FIELD),
    flags: flags(t),
  };
}

const EMPTY = {
  baseline: '—',
  canary: '—',
  effect: '—',
  interval: '—',
  margin: '—',
  pRaw: '—',
  pAdjusted: '—',
  alpha: '—',
  samples: '—',
} as const;

function samples(t: TestTrace): string {
  const { canary, baseline } = t.samples;
  return `canary ${canary.used}/${canary.raw} · baseline ${baseline.used}/${baseline.raw}`;
}

/** The judge's flags, plus the blocking it did against autocorrelation (CANARY.md §6.2.7). */
function flags(t: TestTrace): string[] {
  const out = [...t.flags];
  if (t.blockSize > 1) {
    const rho = `ρ̂ ${number(t.autocorrelation.canary, 2)} / ${number(t.autocorrelation.baseline, 2)}`;
    out.push(`blocks of ${t.blockSize} (${rho})`);
  }
  return out.slice(0, MAX_FLAGS).map((f) => clip(f, MAX_FIELD));
}

function number(v: JsonNumber, digits: number): string {
  return shown(formatNumber(Number(v), digits));
}

/** A number the judge could not compute reads as a dash, like every other missing value. */
function shown(text: string): string {
  return text === 'n/a' ? '—' : text;
}

function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
