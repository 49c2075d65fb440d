const MULTIPLIER = 0x5deece66dn;
const INCREMENT = 0xbn;
const MASK = (1n << 48n) - 1n;

/** The part of java.util.Random (which scala.util.Random wraps) that Kayenta's noise uses. */
export interface JavaRandom {
  /** java.util.Random#nextDouble: 53 random bits / 2^53. */
  nextDouble(): number;
  /** java.util.Random#nextGaussian: Marsaglia's polar method, the second deviate cached. */
  nextGaussian(): number;
}

/**
 * A bit-exact port of java.util.Random (48-bit LCG, Knuth's constants) seeded like `new Random(seed)`, so
 * the compatibility mode reproduces the noise Kayenta draws on the tied-per-group path (§2.3 step 4). The
 * state lives in the returned object; the same seed always gives the same sequence.
 */
export function createJavaRandom(seed: number): JavaRandom {
  let state = (BigInt.asIntN(64, BigInt(seed)) ^ MULTIPLIER) & MASK;
  let cached: number | null = null;
  const next = (bits: number): number => {
    state = (state * MULTIPLIER + INCREMENT) & MASK;
    return Number(BigInt.asIntN(32, state >> BigInt(48 - bits)));
  };
  const nextDouble = (): number => (next(26) * 2 ** 27 + next(27)) * 2 ** -53;
  const nextGaussian = (): number => {
    if (cached !== null) {
      const value = cached;
      cached = null;
      return value;
    }
    let v1: number;
    let v2: number;
    let s: number;
    do {
      v1 = 2 * nextDouble() - 1;
      v2 = 2 * nextDouble() - 1;
      s = v1 * v1 + v2 * v2;
    } while (s >= 1 || s === 0);
    const multiplier = Math.sqrt((-2 * Math.log(s)) / s);
    cached = v2 * multiplier;
    return v1 * multiplier;
  };
  return { nextDouble, nextGaussian };
}
