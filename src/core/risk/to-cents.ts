/**
 * Dollars rounded to whole cents. Risk is money: the seed's canary is $300 even though the
 * prior's mean 2.05 / 205 comes out one ulp under 0.01 in floating point.
 */
export function toCents(dollars: number): number {
  return Math.round(dollars * 100) / 100;
}
