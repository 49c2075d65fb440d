/**
 * Rounds to the nearest integer, ties to even — NumPy's `round` (banker's rounding), which SciPy's
 * `theilslopes` uses for Sen's order-statistic indices. `Math.round` rounds ties up instead.
 */
export function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
