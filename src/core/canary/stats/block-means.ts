/**
 * Means of consecutive non-overlapping blocks of `blockSize` points, anchored at the end of the
 * series: when the length is not a multiple of the block size, the oldest n mod b points are
 * dropped, so the newest minutes always count. Block size 1 returns a copy. Each mean is the
 * left-to-right sum divided by b (deterministic). Throws RangeError for a block size that is not
 * a positive integer.
 */
export function blockMeans(v: readonly number[], blockSize: number): readonly number[] {
  if (!(Number.isInteger(blockSize) && blockSize >= 1))
    throw new RangeError(`blockSize must be a positive integer: ${blockSize}`);
  const out: number[] = [];
  for (let start = v.length % blockSize; start < v.length; start += blockSize) {
    let sum = 0;
    for (let i = start; i < start + blockSize; i += 1) sum += v[i] as number;
    out.push(sum / blockSize);
  }
  return out;
}
