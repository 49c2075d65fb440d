import { binomialTest } from '../stats/binomial-test.ts';
import { blockMeans } from '../stats/block-means.ts';
import { exactRateRatioTest } from '../stats/exact-rate-ratio-test.ts';
import { chooseBlockSize } from './choose-block-size.ts';
import { cleanValues } from './clean-values.ts';
import { formatNumber } from './format-number.ts';
import type { CountsMetric, CountWindow } from './judge-types.ts';
import type { ResolvedJudgeOptions } from './resolve-judge-options.ts';
import { type TestEvidence, untestedEvidence } from './test-evidence.ts';

const validWindow = (w: CountWindow): boolean =>
  Number.isFinite(w.errors) && Number.isFinite(w.requests) && w.errors >= 0 && w.requests > 0;

/** Blocks of `size` windows summed (oldest windows dropped first, as `blockMeans`); errors rounded to integers. */
function blocks(windows: readonly CountWindow[], size: number): { errors: number[]; requests: number[] } {
  return {
    errors: blockMeans(
      windows.map((w) => Math.round(w.errors)),
      size,
    ).map((v) => Math.round(v * size)),
    requests: blockMeans(
      windows.map((w) => w.requests),
      size,
    ).map((v) => v * size),
  };
}

/** Pearson's X² of one track's block counts around its own rate, and its degrees of freedom. */
function pearson(errors: readonly number[], requests: readonly number[]): { x2: number; df: number } {
  const rate = sum(errors) / sum(requests);
  let x2 = 0;
  for (let i = 0; i < errors.length; i += 1) {
    const expected = rate * (requests[i] as number);
    if (expected > 0) x2 += ((errors[i] as number) - expected) ** 2 / expected;
  }
  return { x2, df: rate > 0 ? errors.length - 1 : 0 };
}

function sum(v: readonly number[]): number {
  let s = 0;
  for (const x of v) s += x;
  return s;
}

/**
 * The error-rate test on counts (CANARY.md §6.2.2): windows summed into blocks when the per-window
 * rates are autocorrelated; the quasi-Poisson dispersion φ = max(1, X²/df) of the blocks around
 * each track's rate (bursts of errors inflate it) divides both error totals before the conditional
 * exact binomial test of the rate ratio, whose Clopper–Pearson interval is taken at
 * `healthyConfidence`. A zero-error baseline needs no special case; no errors at all is `no_errors`.
 */
export function analyzeRateRatio(metric: CountsMetric, o: ResolvedJudgeOptions): TestEvidence {
  const { config } = metric;
  const c = cleanValues(metric.canary, validWindow);
  const b = cleanValues(metric.baseline, validWindow);
  const samples = { canary: c.count, baseline: b.count };
  const margin = Math.log1p(config.margin);
  if (!c.ok || !b.ok) {
    const why = [c.ok ? '' : `canary: ${c.reason}`, b.ok ? '' : `baseline: ${b.reason}`].filter((s) => s !== '');
    return untestedEvidence('rate_ratio', 'no_data', samples, 'ratio', margin, why);
  }
  if (c.values.length < o.minSamples || b.values.length < o.minSamples) {
    return untestedEvidence('rate_ratio', 'too_few_samples', samples, 'ratio', margin, []);
  }
  const rates = (ws: readonly CountWindow[]) => ws.map((w) => Math.round(w.errors) / w.requests);
  const dependence = chooseBlockSize(rates(c.values), rates(b.values), o);
  const { blockSize } = dependence;
  const bc = blocks(c.values, blockSize);
  const bb = blocks(b.values, blockSize);
  const [ec, nc, eb, nb] = [sum(bc.errors), sum(bc.requests), sum(bb.errors), sum(bb.requests)];
  const pc = pearson(bc.errors, bc.requests);
  const pb = pearson(bb.errors, bb.requests);
  const df = pc.df + pb.df;
  const phi = df > 0 ? Math.max(1, (pc.x2 + pb.x2) / df) : 1;
  const flags: string[] = [];
  const dropped = c.count.dropped + b.count.dropped;
  if (dropped > 0) flags.push(`dropped ${dropped} invalid windows`);
  if (phi > 1) flags.push(`overdispersion φ ${formatNumber(phi)}`);
  const center = { canary: ec / nc, baseline: eb / nb };
  const estimate = Math.log(center.canary / center.baseline);
  const sc = Math.round(ec / phi);
  const sb = Math.round(eb / phi);
  const test = exactRateRatioTest(sc, nc, sb, nb, { confidence: o.healthyConfidence });
  const p = { increase: test.pGreater, decrease: test.pLess, either: test.pTwoSided }[config.direction];
  const k = sc + sb;
  const extreme = (e: number) => binomialTest(e, k, test.p0);
  const minAttainableP =
    k === 0
      ? 1
      : {
          increase: () => extreme(k).pGreater,
          decrease: () => extreme(0).pLess,
          either: () => Math.min(extreme(k).pTwoSided, extreme(0).pTwoSided),
        }[config.direction]();
  return {
    test: 'rate_ratio',
    untested: ec + eb === 0 ? 'no_errors' : null,
    samples,
    ...dependence,
    center,
    unit: 'ratio',
    estimate,
    lower: Math.log(test.lower),
    upper: Math.log(test.upper),
    margin,
    p,
    minAttainableP,
    flags,
  };
}
