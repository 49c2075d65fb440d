/**
 * The large-sample generator of scripts/canary/gen_scipy_vectors.py, bit for bit: a mulberry32
 * stream and transforms built only from correctly rounded IEEE operations.
 */
export interface SampleSpec {
  readonly n: number;
  readonly dist: 'irwin' | 'pareto1' | 'cauchyish' | 'int' | 'zeroinf';
  readonly loc: number;
  readonly scale: number;
  readonly param: number;
}

/** A mulberry32 stream of uint32 values. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1) >>> 0;
    t = (((t + Math.imul(t ^ (t >>> 7), t | 61)) >>> 0) ^ t) >>> 0;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** One sample from the stream, as the Python generator draws it. */
export function mulberrySample(next: () => number, spec: SampleSpec): number[] {
  const u = (): number => (next() + 0.5) / 4294967296;
  const out: number[] = [];
  for (let i = 0; i < spec.n; i += 1) {
    let v: number;
    switch (spec.dist) {
      case 'irwin': {
        let s = 0;
        for (let j = 0; j < 12; j += 1) s += u();
        v = s - 6;
        break;
      }
      case 'pareto1':
        v = 1 / u();
        break;
      case 'cauchyish': {
        const a = u() - 0.5;
        v = a / (u() - 0.5);
        break;
      }
      case 'int':
        v = Math.floor(u() * spec.param);
        break;
      case 'zeroinf': {
        const a = u();
        const b = u();
        v = a < spec.param ? 0 : 1 / b;
        break;
      }
    }
    out.push(v * spec.scale + spec.loc);
  }
  return out;
}

/** The (x, y) pair of a generated case. */
export function generatedPair(gen: { seed: number; x: SampleSpec; y: SampleSpec }): [number[], number[]] {
  const next = mulberry32(gen.seed);
  const x = mulberrySample(next, gen.x);
  return [x, mulberrySample(next, gen.y)];
}

/** |a − b| ≤ rel·|b|, or both below the smallest normal double (where no relative accuracy exists). */
export function closeRel(a: number, b: number, rel = 1e-12): boolean {
  if (a === b) return true;
  if (Math.abs(a) < 2.2250738585072014e-308 && Math.abs(b) < 2.2250738585072014e-308) return true;
  return Math.abs(a - b) <= rel * Math.abs(b);
}

/** Brute-force sorted pairwise differences y_j − x_i. */
export function bruteDifferences(x: readonly number[], y: readonly number[]): Float64Array {
  const d = new Float64Array(x.length * y.length);
  let k = 0;
  for (const xi of x) for (const yj of y) d[k++] = yj - xi;
  return d.sort();
}

/** Brute-force median of the pairwise differences. */
export function bruteHodgesLehmann(x: readonly number[], y: readonly number[]): number {
  const d = bruteDifferences(x, y);
  const mid = d.length >>> 1;
  return d.length % 2 === 1 ? (d[mid] as number) : ((d[mid - 1] as number) + (d[mid] as number)) / 2;
}
