/** The smallest magnitude the continued fraction divides by (Numerical Recipes' FPMIN). */
export const TINY = 1e-300;

/**
 * `value`, or TINY when its magnitude is below TINY: the guard of the modified Lentz method
 * against dividing by a denominator that cancels to (almost) zero.
 */
export function awayFromZero(value: number): number {
  return Math.abs(value) < TINY ? TINY : value;
}
