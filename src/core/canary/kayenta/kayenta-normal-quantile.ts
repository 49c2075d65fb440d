import { kayentaErfInv } from './kayenta-erf-inv.ts';

/**
 * Standard normal quantile Φ⁻¹(p) as Kayenta gets it from commons-math3
 * `NormalDistribution(0, 1).inverseCumulativeProbability`: √2 · erfInv(2p − 1).
 */
export function kayentaNormalQuantile(p: number): number {
  return Math.SQRT2 * kayentaErfInv(2 * p - 1);
}
