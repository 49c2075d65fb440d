/**
 * Speed of the native canary judge: 20 continuous metrics at 1,440 and 5,000 samples per track
 * (one day and ~3.5 days of minutes), one look, timed after a warm-up; the median of 5 runs per
 * size, reported per metric. Goal (issue 5): under 5 ms per metric at 1,440 and under 50 ms at
 * 5,000 (Kayenta measured about 23 ms and 102 ms per metric on this machine class).
 *
 *   npx tsx bench/canary-speed.ts
 */
import { type JudgeMetric, judgeCanary } from '../src/core/canary/judge/index.ts';
import { rng, series } from './lib/canary-scenarios.ts';

function metrics(n: number): JudgeMetric[] {
  const u = rng(n);
  return Array.from({ length: 20 }, (_, i) => ({
    config: { name: `m${i}`, direction: 'increase', critical: false, margin: 0.1, kind: 'continuous' },
    canary: { values: series(u, n, 0, 'lognormal').map((v) => v * 1.02) },
    baseline: { values: series(u, n, 0, 'lognormal') },
  }));
}

console.log('canary judge speed: 20 continuous metrics, one look (median of 5 runs after warm-up)');
for (const n of [1440, 5000]) {
  const input = { metrics: metrics(n), look: 1, looks: 1 };
  judgeCanary(input);
  const times: number[] = [];
  for (let r = 0; r < 5; r += 1) {
    const t = performance.now();
    judgeCanary(input);
    times.push(performance.now() - t);
  }
  const median = times.sort((a, b) => a - b)[2] as number;
  const goal = n === 1440 ? 5 : 50;
  console.log(
    `  ${n} samples per track: ${(median / 20).toFixed(2)} ms per metric (${median.toFixed(0)} ms for 20; goal < ${goal} ms per metric)`,
  );
}
