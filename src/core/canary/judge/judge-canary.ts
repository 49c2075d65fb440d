import { alphaForLook } from '../stats/alpha-spent.ts';
import { holm } from '../stats/holm.ts';
import { aggregateVerdict } from './aggregate-verdict.ts';
import { analyzeLeak } from './analyze-leak.ts';
import { analyzeRateRatio } from './analyze-rate-ratio.ts';
import { analyzeShift } from './analyze-shift.ts';
import { decideTest } from './decide-test.ts';
import { describeTest } from './describe-test.ts';
import { formatDetails, formatSummary } from './format-judgement.ts';
import type {
  CanaryJudgement,
  CountsMetric,
  JudgeInput,
  JudgeMetric,
  JudgeOptions,
  MetricTrace,
} from './judge-types.ts';
import { kayentaStyleScore } from './kayenta-style-score.ts';
import { type ResolvedJudgeOptions, resolveJudgeOptions } from './resolve-judge-options.ts';
import type { TestEvidence } from './test-evidence.ts';
import { toTestTrace } from './to-test-trace.ts';
import { worstVerdictIndex } from './worst-verdict.ts';

function isCounts(m: JudgeMetric): m is CountsMetric {
  return m.config.kind === 'counts';
}

/** The tests a metric gets: counts → rate ratio; continuous → shift; memory → shift and leak. */
function analyze(m: JudgeMetric, o: ResolvedJudgeOptions): TestEvidence[] {
  if (isCounts(m)) return [analyzeRateRatio(m, o)];
  const shift = analyzeShift(m, o);
  return m.config.kind === 'memory' ? [shift, analyzeLeak(m, o)] : [shift];
}

/**
 * The native canary judge (CANARY.md §6), pure and deterministic to the byte. Each metric is
 * tested canary against baseline (see `analyzeShift`, `analyzeRateRatio`, `analyzeLeak`); the raw
 * p-values of every test of the look are Holm-adjusted together and compared with this look's
 * share of the family α (`alphaForLook`, Kim–DeMets power ρ = 12 spending over the planned looks),
 * so the whole gate's false-alarm rate over all metrics and looks stays ≤ α. Each test is then
 * unhealthy, healthy or inconclusive by `decideTest`; a metric takes its worst test; the canary
 * is unhealthy on any critical unhealthy metric or `nonCriticalToFail` unhealthy ones, healthy
 * only when every metric is, and inconclusive otherwise (no data is never healthy). The result
 * carries a JSON-safe trace per metric, a Kayenta-style score for information, a one-line
 * summary for the card and full details for the thread.
 */
export function judgeCanary(input: JudgeInput, options: JudgeOptions = {}): CanaryJudgement {
  const o = resolveJudgeOptions(options);
  const alpha = alphaForLook(input.look, input.looks, o.alpha);
  const evidence = input.metrics.map((m) => analyze(m, o));
  const adjusted = holm(evidence.flat().map((e) => e.p));
  let next = 0;
  const metrics: MetricTrace[] = input.metrics.map((m, i) => {
    const { config } = m;
    const tests = (evidence[i] as TestEvidence[]).map((e) => {
      const adjustedP = adjusted[next++] as number;
      const decision = decideTest(e, config.direction, adjustedP, alpha);
      return toTestTrace(e, decision, adjustedP, alpha, config.margin, o.healthyConfidence);
    });
    const deciding = tests[worstVerdictIndex(tests.map((t) => t.verdict))] as (typeof tests)[number];
    const prefix = tests.length > 1 ? `${deciding.test}: ` : '';
    return {
      name: config.name,
      kind: config.kind,
      direction: config.direction,
      critical: config.critical,
      verdict: deciding.verdict,
      rule: deciding.rule,
      reason: prefix + describeTest(deciding, o.minSamples),
      tests,
    };
  });
  const { verdict, rule } = aggregateVerdict(metrics, o.nonCriticalToFail);
  const body = {
    verdict,
    rule,
    look: input.look,
    looks: input.looks,
    alpha: { family: o.alpha, look: alpha },
    score: kayentaStyleScore(metrics),
    metrics,
  };
  return { ...body, summary: formatSummary(body), details: formatDetails(body) };
}
