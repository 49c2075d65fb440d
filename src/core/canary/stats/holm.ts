/**
 * Holm's step-down adjusted p-values (Holm 1979), in the input order: with p_(1) ≤ … ≤ p_(m)
 * sorted ascending, adj_(i) = min(1, max_{j ≤ i} (m − j + 1)·p_(j)). Rejecting every hypothesis
 * with adjusted p ≤ α controls the family-wise error rate at α under any dependence — what a gate
 * that fails on any alarm needs (CANARY.md §6.5). Ties are ordered by input position, so the
 * output is deterministic; every adjusted p is ≥ its raw p and the map is monotone. Each p must
 * be in [0, 1] (throws RangeError otherwise); an empty list gives an empty list.
 */
export function holm(pValues: readonly number[]): readonly number[] {
  for (const p of pValues) if (!(p >= 0 && p <= 1)) throw new RangeError(`p-value outside [0, 1]: ${p}`);
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const out = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    out[i] = running;
  });
  return out;
}
