import type { SuiteSummary } from './run-crash-suite.ts';

/** One line per fact, for the test's output and the script's summary block (docs/crash-safety.md). */
export function formatSummary(summary: SuiteSummary, context: { readonly points: number }): string {
  const lines = [
    `seed:               ${summary.seed} (CRASH_SEED=${summary.seed} / --seed ${summary.seed} repeats it)`,
    `cases:              ${summary.cases}${summary.stoppedEarly ? ' (stopped early: too many unfinished cases)' : ''}`,
    `kills:              ${summary.kills} ${JSON.stringify(summary.killsByKind)}`,
    `named points hit:   ${summary.pointsHit}/${context.points}${summary.unreached.length === 0 ? '' : `, unreached: ${summary.unreached.join(', ')}`}`,
    `outcomes:           ${JSON.stringify(summary.phases)}`,
    `production deploys: ${summary.productionDeploys}`,
    `clicks lost to kills (answered < 3 s before the kill): ${summary.clicksLostToKills}`,
    `unclean stops:      ${summary.uncleanStops}`,
    `dead spares replaced: ${summary.deadSpares}`,
    `unfinished cases:   ${summary.unfinished}`,
    `violations:         ${summary.violations.length}`,
    ...summary.violations.map((v) => `  - ${v}`),
    `duration:           ${Math.round(summary.wallMs / 1000)} s`,
  ];
  return lines.join('\n');
}
