/**
 * The median of a sorted, non-empty array: the middle value, or the mean (a + b) / 2 of the two
 * middle values computed as NumPy's `median` does, so results are bit-equal to SciPy's.
 */
export function medianOfSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  const mid = n >>> 1;
  if (n % 2 === 1) return sorted[mid] as number;
  return ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
