/**
 * Standard normal distribution function Φ(x), W. J. Cody's rational Chebyshev approximation
 * ("Rational Chebyshev approximation for the error function", Math. Comp. 1969; the algorithm of
 * R's `pnorm_both`). Accuracy: about 1e-16 relative in both tails down to the underflow
 * threshold (|x| ≈ 38.5, Φ ≈ 1e-316), because the tail is computed as a product
 * exp(−⌊16x⌋²/512)·exp(−δ/2)·r(x) that never forms 1 − Φ by subtraction. SciPy's `ndtr`
 * (Cephes) agrees to about 1e-13 relative there; see `test/fixtures/canary/scipy/normal.json`.
 */
const A = [2.2352520354606837, 161.02823106855587, 1067.6894854603709, 18154.98125334356, 0.06568233791820745];
const B = [47.202581904688245, 976.0985517377767, 10260.932208618979, 45507.78933502673];
const C = [
  0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726, 6848.190450536283,
  11602.65143764735, 9842.714838383978, 1.0765576773720192e-8,
];
const D = [
  22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097, 34900.95272114598,
  38912.00328609327, 19685.429676859992,
];
const P = [
  0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934, 0.000029112874951168793,
  0.023073441764940174,
];
const Q = [1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824, 0.00007297515550839662];
const ONE_OVER_SQRT_2PI = 0.3989422804014327;
const SQRT_32 = 5.656854249492381;

/** exp(−x²/2)·factor with x² split as xsq² + δ so the large part is exact (Cody's `do_del`). */
function gaussianTail(x: number, factor: number): number {
  const xsq = Math.trunc(x * 16) / 16;
  const del = (x - xsq) * (x + xsq);
  return Math.exp(-xsq * xsq * 0.5) * Math.exp(-del * 0.5) * factor;
}

/** The smaller tail min(Φ(x), 1 − Φ(x)) for |x| > 0.67448975, computed without cancellation. */
function smallTail(y: number): number {
  if (y <= SQRT_32) {
    let num = (C[8] as number) * y;
    let den = y;
    for (let i = 0; i < 7; i += 1) {
      num = (num + (C[i] as number)) * y;
      den = (den + (D[i] as number)) * y;
    }
    return gaussianTail(y, (num + (C[7] as number)) / (den + (D[7] as number)));
  }
  const xsq = 1 / (y * y);
  let num = (P[5] as number) * xsq;
  let den = xsq;
  for (let i = 0; i < 4; i += 1) {
    num = (num + (P[i] as number)) * xsq;
    den = (den + (Q[i] as number)) * xsq;
  }
  const r = (xsq * (num + (P[4] as number))) / (den + (Q[4] as number));
  return gaussianTail(y, (ONE_OVER_SQRT_2PI - r) / y);
}

/**
 * Φ(x) = P(Z ≤ x) for a standard normal Z. Relative accuracy about 1e-16 (see the file comment);
 * `normalCdf(-x)` is the upper tail 1 − Φ(x) with the same relative accuracy, bit for bit
 * symmetric. NaN gives NaN.
 */
export function normalCdf(x: number): number {
  const y = Math.abs(x);
  if (y <= 0.67448975) {
    const xsq = y > 1.1102230246251565e-16 ? x * x : 0;
    let num = (A[4] as number) * xsq;
    let den = xsq;
    for (let i = 0; i < 3; i += 1) {
      num = (num + (A[i] as number)) * xsq;
      den = (den + (B[i] as number)) * xsq;
    }
    return 0.5 + (x * (num + (A[3] as number))) / (den + (B[3] as number));
  }
  if (y === Number.POSITIVE_INFINITY) return x > 0 ? 1 : 0;
  const tail = smallTail(y);
  return x > 0 ? 1 - tail : tail;
}
