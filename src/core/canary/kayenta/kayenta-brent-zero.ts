const DBL_EPSILON = 2.220446049250313e-16;

/** Precision.equals(x, 0) of commons-math3: x is ±0 or within one ulp of it. */
function isZeroWithinUlp(x: number): boolean {
  return Math.abs(x) <= Number.MIN_VALUE;
}

/**
 * Brent's zero-in with an ABSOLUTE tolerance, exactly as Kayenta's `KayentaBrentSolver.brentDirect`
 * (a port of R's `zeroin`): tol_act = 2·ε·|b| + tol/2 with tol = 1e-4, at most 1001 steps, and the
 * function values at the ends passed in. It does not check that [ax, bx] brackets a root — Kayenta calls
 * it for the estimate without checking — and returns its last iterate if it runs out of steps. The
 * absolute tolerance is why Kayenta's intervals are not scale-equivariant (defect D1).
 */
export function kayentaBrentZero(
  ax: number,
  bx: number,
  fax: number,
  fbx: number,
  f: (x: number) => number,
  tol = 1e-4,
  maxIterations = 1000,
): number {
  let a = ax;
  let b = bx;
  let fa = fax;
  let fb = fbx;
  let c = a;
  let fc = fa;
  if (fa === 0) return a;
  if (fb === 0) return b;
  for (let iteration = 0; iteration <= maxIterations; iteration += 1) {
    const prevStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolAct = 2 * DBL_EPSILON * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolAct || isZeroWithinUlp(fb)) return b;
    if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      const cb = c - b;
      let p: number;
      let q: number;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1 - t1;
      } else {
        q = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1));
        q = (q - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((prevStep * q) / 2)) newStep = p / q;
    }
    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;
    a = b;
    fa = fb;
    b += newStep;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return b;
}
