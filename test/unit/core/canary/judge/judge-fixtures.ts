import type {
  CountsMetric,
  CountWindow,
  JudgeDirection,
  JudgeMetric,
  SeriesMetric,
} from '../../../../../src/core/canary/judge/index.ts';
import { mulberry32 } from '../stats/mulberry-sample.ts';

/** Uniform draws in (0, 1) from mulberry32. */
export function uniform(seed: number): () => number {
  const next = mulberry32(seed);
  return () => (next() + 0.5) / 4294967296;
}

/** Deterministic standard normal draws (Box–Muller on mulberry32). */
export function normals(seed: number, n: number): number[] {
  const next = uniform(seed);
  return Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()));
}

/** Log-normal latencies around `median` with σ 0.2. */
export function latencies(seed: number, n: number, median = 0.1, sigma = 0.2): number[] {
  return normals(seed, n).map((z) => median * Math.exp(sigma * z));
}

/** Poisson-ish counts: `requests` per window and errors Binomial(requests, rate) by inversion. */
export function windows(seed: number, n: number, rate: number, requests = 1000): CountWindow[] {
  const next = uniform(seed);
  return Array.from({ length: n }, () => {
    let errors = 0;
    for (let i = 0; i < requests; i += 1) if (next() < rate) errors += 1;
    return { errors, requests };
  });
}

export function series(
  canary: readonly number[] | string,
  baseline: readonly number[] | string,
  over: Partial<SeriesMetric['config']> = {},
): SeriesMetric {
  return {
    config: { name: 'latency_p99', direction: 'increase', critical: false, margin: 0.1, kind: 'continuous', ...over },
    canary: typeof canary === 'string' ? { noData: canary } : { values: canary },
    baseline: typeof baseline === 'string' ? { noData: baseline } : { values: baseline },
  };
}

export function counts(
  canary: readonly CountWindow[] | string,
  baseline: readonly CountWindow[] | string,
  over: { direction?: JudgeDirection; critical?: boolean; margin?: number } = {},
): CountsMetric {
  return {
    config: { name: 'error_rate', direction: 'increase', critical: true, margin: 0.1, kind: 'counts', ...over },
    canary: typeof canary === 'string' ? { noData: canary } : { values: canary },
    baseline: typeof baseline === 'string' ? { noData: baseline } : { values: baseline },
  };
}

/** One look of one. */
export const once = (metrics: readonly JudgeMetric[]) => ({ metrics, look: 1, looks: 1 });
