import type { KayentaLabel } from './kayenta-types.ts';

/** What the scorer reads from one classified metric. */
export interface KayentaScoredMetric {
  readonly name: string;
  readonly classification: KayentaLabel;
  readonly critical: boolean;
  /** The groups the metric counts in; none → it counts in no group. */
  readonly groups: readonly string[];
  readonly muted?: boolean;
  readonly reason?: string;
}

/** One group's score; a group with no Pass/High/Low/NodataFailMetric is `noData` (score 0, counts 100). */
export interface KayentaGroupScore {
  readonly name: string;
  readonly score: number;
  readonly noData: boolean;
}

/** Kayenta's summary score (0–100, two decimals) and the group scores behind it. */
export interface KayentaScore {
  readonly summaryScore: number;
  readonly groupScores: readonly KayentaGroupScore[];
  /** '' unless an override fired. */
  readonly reason: string;
}

function groupScores(metrics: readonly KayentaScoredMetric[]): readonly KayentaGroupScore[] {
  const tallies = new Map<string, { pass: number; total: number }>();
  for (const metric of metrics) {
    for (const group of metric.groups) {
      const tally = tallies.get(group) ?? { pass: 0, total: 0 };
      if (metric.classification === 'Pass') tally.pass += 1;
      if (metric.classification !== 'Nodata' && metric.classification !== 'Error') tally.total += 1;
      tallies.set(group, tally);
    }
  }
  return [...tallies].map(([name, { pass, total }]) =>
    total === 0 ? { name, score: 0, noData: true } : { name, score: (100 * pass) / total, noData: false },
  );
}

/**
 * Kayenta's `ScoringHelper` + `WeightedSumScorer` (§2.5): muted metrics dropped; any critical non-Pass
 * metric → 0 ("Canary Failed: <its reason>"); at least half of the metrics Nodata → 0; otherwise
 * Σ_g score_g·w_g/100 rounded to 2 decimals, where score_g = 100·#Pass/(#Pass+#High+#Low+#NodataFailMetric),
 * a group with none of those counts as 100, and groups without a configured weight share
 * (100 − Σ configured)/k. Weights are not checked to sum to 100 (defect D10).
 */
export function kayentaScore(
  results: readonly KayentaScoredMetric[],
  groupWeights: Readonly<Record<string, number>>,
): KayentaScore {
  const metrics = results.filter((m) => m.muted !== true);
  const groups = groupScores(metrics);
  const criticalFailure = metrics.find((m) => m.critical && m.classification !== 'Pass');
  if (criticalFailure) {
    return { summaryScore: 0, groupScores: groups, reason: `Canary Failed: ${criticalFailure.reason ?? ''}` };
  }
  const nodata = metrics.filter((m) => m.classification === 'Nodata').length;
  if (2 * nodata >= metrics.length) {
    return { summaryScore: 0, groupScores: groups, reason: 'At least half of the metrics have no data' };
  }
  const configured = Object.values(groupWeights).reduce((sum, w) => sum + w, 0);
  const unweighted = groups.filter((g) => !Object.hasOwn(groupWeights, g.name)).length;
  const shared = unweighted > 0 ? (100 - configured) / unweighted : 0;
  let summary = 0;
  for (const group of groups) {
    const weight = Object.hasOwn(groupWeights, group.name) ? (groupWeights[group.name] as number) : shared;
    summary += (group.noData ? 100 : group.score) * (weight / 100);
  }
  return { summaryScore: Math.round(summary * 100) / 100, groupScores: groups, reason: '' };
}
