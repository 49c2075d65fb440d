/**
 * Synthetic canary data for the decision benchmark (CANARY.md §6.4.4): per-minute series with AR(1)
 * dependence and lognormal, Pareto or Cauchy-type tails, error counts (Poisson-like or
 * zero-inflated bursts) and memory with an optional leak. Seeded, so every run is reproducible.
 */
import type { CountWindow, JudgeMetric } from '../../src/core/canary/judge/index.ts';

/** mulberry32 → uniform (0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

const normal = (u: () => number) => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());

/** AR(1) innovations with unit marginal variance, through the chosen tail, as a positive series. */
export function series(u: () => number, n: number, rho: number, tail: 'lognormal' | 'pareto' | 'cauchy'): number[] {
  let z = normal(u);
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) {
    if (i > 0) z = rho * z + Math.sqrt(1 - rho * rho) * normal(u);
    // Map the Gaussian AR(1) through its CDF to the tail's quantile: same dependence, other marginal.
    const p = 0.5 * (1 + erf(z / Math.SQRT2));
    const q = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
    if (tail === 'lognormal') out.push(0.1 * Math.exp(0.2 * z));
    else if (tail === 'pareto')
      out.push(0.1 * (1 - q) ** (-1 / 3)); // Pareto α = 3
    else out.push(0.1 * Math.exp(0.05 * Math.tan(Math.PI * (q - 0.5)))); // Cauchy on the log scale
  }
  return out;
}

/** Abramowitz–Stegun 7.1.26 (|error| < 1.5e-7): enough to shape synthetic data. */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

/** Error counts per minute: Poisson(rate·requests) by inversion, or zero-inflated bursts. */
export function errorWindows(
  u: () => number,
  n: number,
  rate: number,
  requests: number,
  bursty: boolean,
): CountWindow[] {
  return Array.from({ length: n }, () => {
    const mean = bursty ? (u() < 0.1 ? 10 * rate * requests : 0) : rate * requests;
    let k = 0;
    let p = Math.exp(-mean);
    let s = p;
    const v = u();
    while (v > s && k < 10_000) {
      k += 1;
      p *= mean / k;
      s += p;
    }
    return { errors: k, requests };
  });
}

/** Memory in bytes: 200 MB with AR(1) noise of 1 MB and `leak` bytes per minute. */
export function memory(u: () => number, n: number, rho: number, leak: number): number[] {
  return series(u, n, rho, 'lognormal').map((v, i) => 200e6 + 5e6 * Math.log(v / 0.1) + leak * i);
}

/** What is injected into the canary. */
export interface Injection {
  /** Multiplies the canary's `latency_p99`. */
  readonly p99?: number;
  /** Multiplies the canary's error rate. */
  readonly errors?: number;
  /** Bytes per minute of canary memory growth. */
  readonly leak?: number;
}

/** The ten-metric gate of one run, full length (60 samples per track); looks take prefixes. */
export function gateRun(seed: number, rho: number, inject: Injection, n = 60) {
  const u = rng(seed);
  const track = (canary: boolean) => ({
    p50: series(u, n, rho, 'lognormal'),
    p95: series(u, n, rho, 'lognormal'),
    p99: series(u, n, rho, 'lognormal').map((v) => v * (canary ? (inject.p99 ?? 1) : 1)),
    paretoA: series(u, n, rho, 'pareto'),
    paretoB: series(u, n, rho, 'pareto'),
    cauchyA: series(u, n, rho, 'cauchy'),
    cauchyB: series(u, n, rho, 'cauchy'),
    cpu: series(u, n, rho, 'lognormal'),
    memory: memory(u, n, rho, canary ? (inject.leak ?? 0) : 0),
    errors: errorWindows(u, n, 0.01 * (canary ? (inject.errors ?? 1) : 1), 200, false),
    burstyErrors: errorWindows(u, n, 0.01, 200, true),
  });
  const c = track(true);
  const b = track(false);
  return (m: number): JudgeMetric[] => {
    const cut = <T>(v: readonly T[]) => ({ values: v.slice(0, m) });
    const cfg = (name: string, margin: number, critical = false) =>
      ({ name, direction: 'increase', critical, margin, kind: 'continuous' }) as const;
    const s = (name: keyof typeof c, margin: number, critical = false): JudgeMetric => ({
      config: cfg(name, margin, critical),
      canary: cut(c[name] as number[]),
      baseline: cut(b[name] as number[]),
    });
    return [
      s('p50', 0.1),
      s('p95', 0.1, true),
      s('p99', 0.1),
      s('paretoA', 0.1),
      s('paretoB', 0.1),
      s('cauchyA', 0.1),
      s('cauchyB', 0.1),
      s('cpu', 0.1),
      { config: { ...cfg('memory', 0.1), kind: 'memory' }, canary: cut(c.memory), baseline: cut(b.memory) },
      // The error rate alternates between a steady and a bursty (zero-inflated) service by seed.
      {
        config: { ...cfg('error_rate', 0.1, true), kind: 'counts' },
        canary: cut(seed % 2 === 0 || inject.errors !== undefined ? c.errors : c.burstyErrors),
        baseline: cut(seed % 2 === 0 || inject.errors !== undefined ? b.errors : b.burstyErrors),
      },
    ];
  };
}
