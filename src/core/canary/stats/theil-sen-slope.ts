import { medianOfSorted } from './median-of-sorted.ts';
import { normalQuantile } from './normal-quantile.ts';
import { roundHalfEven } from './round-half-even.ts';

/** The Theil–Sen line through (t, v) with Sen's confidence interval for the slope. */
export interface TheilSenResult {
  /** Median of the pairwise slopes (v_i − v_j)/(t_i − t_j) over pairs with t_i > t_j. */
  readonly slope: number;
  /** median(v) − slope·median(t) (SciPy's `method='separate'`). */
  readonly intercept: number;
  /** Sen's (1968) distribution-free confidence bounds for the slope. */
  readonly lower: number;
  readonly upper: number;
}

/** Counts of the values occurring more than once (SciPy's `_find_repeats`). */
function repeatCounts(values: Float64Array): number[] {
  const sorted = Float64Array.from(values).sort();
  const out: number[] = [];
  let run = 1;
  for (let i = 1; i <= sorted.length; i += 1) {
    if (i < sorted.length && sorted[i] === sorted[i - 1]) run += 1;
    else {
      if (run > 1) out.push(run);
      run = 1;
    }
  }
  return out;
}

/**
 * The Theil–Sen slope of v against t with its confidence interval, reproducing
 * `scipy.stats.theilslopes(v, t, alpha=confidence)` of SciPy 1.10 operation for operation: slopes
 * over the pairs with t_i > t_j, their median, and Sen's bounds — the order statistics
 * slopes[Rl] and slopes[Ru] (0-based) with Ru = min(round((N − zσ)/2), N − 1),
 * Rl = max(round((N + zσ)/2) − 1, 0), z = Φ⁻¹((1 − confidence)/2), N the number of slopes and
 * σ² = (n(n−1)(2n+5) − Σ_{x ties} t(t−1)(2t+5) − Σ_{y ties} t(t−1)(2t+5))/18 (round half to even,
 * as NumPy). O(n² log n). Needs t and v of equal length with at least two distinct t, all finite
 * (throws RangeError otherwise). Default confidence 0.95 (a value ≤ 0.5 is read as α, as SciPy
 * does). When ties in both t and v make σ² negative the bounds are NaN, as in SciPy.
 */
export function theilSenSlope(t: readonly number[], v: readonly number[], confidence = 0.95): TheilSenResult {
  const n = v.length;
  if (t.length !== n) throw new RangeError(`t and v differ in length: ${t.length} ≠ ${n}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1): ${confidence}`);
  const ts = Float64Array.from(t);
  const vs = Float64Array.from(v);
  for (let i = 0; i < n; i += 1) {
    if (!Number.isFinite(ts[i] as number) || !Number.isFinite(vs[i] as number)) {
      throw new RangeError(`non-finite value at index ${i}`);
    }
  }
  const slopes: number[] = [];
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < n; j += 1) {
      const dt = (ts[i] as number) - (ts[j] as number);
      if (dt > 0) slopes.push(((vs[i] as number) - (vs[j] as number)) / dt);
    }
  }
  if (slopes.length === 0) throw new RangeError('theilSenSlope needs at least two distinct t values');
  const sorted = Float64Array.from(slopes).sort();
  const slope = medianOfSorted(sorted);
  const intercept = medianOfSorted(Float64Array.from(vs).sort()) - slope * medianOfSorted(Float64Array.from(ts).sort());
  const alpha = Math.min(confidence, 1 - confidence);
  const z = normalQuantile(alpha / 2);
  const tieSum = (counts: number[]): number => counts.reduce((s, k) => s + k * (k - 1) * (2 * k + 5), 0);
  const sigsq = (1 / 18) * (n * (n - 1) * (2 * n + 5) - tieSum(repeatCounts(ts)) - tieSum(repeatCounts(vs)));
  const nt = sorted.length;
  // Heavy ties in both t and v can make σ² negative; SciPy then reports NaN bounds, and so do we.
  if (!(sigsq >= 0)) return { slope, intercept, lower: Number.NaN, upper: Number.NaN };
  const sigma = Math.sqrt(sigsq);
  const ru = Math.min(roundHalfEven((nt - z * sigma) / 2), nt - 1);
  const rl = Math.max(roundHalfEven((nt + z * sigma) / 2) - 1, 0);
  return { slope, intercept, lower: sorted[rl] as number, upper: sorted[ru] as number };
}
