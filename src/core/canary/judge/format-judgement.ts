import { describeEffect } from './describe-test.ts';
import { formatNumber } from './format-number.ts';
import type { CanaryJudgement, MetricTrace } from './judge-types.ts';

type Body = Omit<CanaryJudgement, 'summary' | 'details'>;

/** A metric in a few words for the card: "latency_p99 +23.4 %", "error_rate no data". */
function brief(m: MetricTrace): string {
  const t = m.tests.find((x) => x.rule === m.rule) as MetricTrace['tests'][number];
  if (m.rule === 'no_data') return `${m.name} no data`;
  if (m.rule === 'too_few_samples' || m.rule === 'no_errors') return `${m.name} ${m.rule.replaceAll('_', ' ')}`;
  const what = t.test === 'leak' ? ' leak' : '';
  return `${m.name}${what} ${describeEffect(t.effect.unit, t.effect.estimate)}${m.critical ? ' (critical)' : ''}`;
}

/**
 * The card's one line (ours, not the model's): the verdict, the metrics that decided it, and the
 * look — "unhealthy: latency_p99 +23.4 % (critical) · 5/6 other metrics fine · look 3/6".
 */
export function formatSummary(j: Body): string {
  const healthy = j.metrics.filter((m) => m.verdict === 'healthy').length;
  const look = `look ${j.look}/${j.looks}`;
  if (j.metrics.length === 0) return `inconclusive: no metric to judge · ${look}`;
  if (j.verdict === 'healthy') return `healthy: ${healthy}/${j.metrics.length} metrics within margin · ${look}`;
  const deciding = j.metrics.filter((m) => m.verdict === j.verdict);
  const named = deciding.slice(0, 3).map(brief).join(', ');
  const more = deciding.length > 3 ? ` +${deciding.length - 3} more` : '';
  return `${j.verdict}: ${named}${more} · ${healthy}/${j.metrics.length} healthy · ${look}`;
}

/** The full text for the thread: the decision, then every metric with every test's evidence. */
export function formatDetails(j: Body): string {
  const lines = [
    `Canary ${j.verdict} (${j.rule}), look ${j.look} of ${j.looks}: α ${formatNumber(j.alpha.family, 2)} over all ` +
      `metrics and looks, ${formatNumber(j.alpha.look, 2)} at this look (Holm across tests). ` +
      `Kayenta-style score ${j.score} (information only).`,
  ];
  for (const m of j.metrics) {
    lines.push(`• ${m.name} [${m.kind}, ${m.direction}${m.critical ? ', critical' : ''}]: ${m.verdict} — ${m.reason}`);
    for (const t of m.tests) {
      const s = t.samples;
      lines.push(
        `  ${t.test} (${t.rule}): canary ${formatNumber(Number(t.center.canary))} vs baseline ` +
          `${formatNumber(Number(t.center.baseline))}; samples canary ${s.canary.used}/${s.canary.raw}, ` +
          `baseline ${s.baseline.used}/${s.baseline.raw}; block ${t.blockSize} (ρ̂ ` +
          `${formatNumber(Number(t.autocorrelation.canary), 2)} / ${formatNumber(Number(t.autocorrelation.baseline), 2)}); ` +
          `p ${formatNumber(Number(t.p.raw), 2)}, Holm ${formatNumber(Number(t.p.adjusted), 2)}, ` +
          `min attainable ${formatNumber(Number(t.p.minAttainable), 2)}` +
          (t.flags.length > 0 ? `; flags: ${t.flags.join('; ')}` : ''),
      );
    }
  }
  return lines.join('\n');
}
