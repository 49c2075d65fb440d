import type { JavaRandom } from './kayenta-java-random.ts';

/**
 * Kayenta's `addGaussianNoise` for a group whose values are all one value v: adds N(0, (v·1e-5)²) noise
 * drawn from `random` to each value (§2.3 step 4). σ = 0 when v = 0, so an all-zero group stays zero.
 */
export function kayentaAddNoise(values: readonly number[], random: JavaRandom): readonly number[] {
  const stdev = (values[0] as number) * 1e-5;
  return values.map((v) => v + random.nextGaussian() * stdev);
}
