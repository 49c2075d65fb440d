import type { NoData, SampleCount, Track } from './judge-types.ts';

/** A track's finite values with their counts, or why it has none. */
export type CleanTrack<T> =
  | { readonly ok: true; readonly values: readonly T[]; readonly count: SampleCount }
  | { readonly ok: false; readonly reason: string; readonly count: SampleCount };

/** Whether a track says it has no data. */
export function isNoData<T>(track: Track<T>): track is NoData {
  return 'noData' in track;
}

/**
 * Keeps the values `valid` accepts, counting the rest (plus those the fetcher dropped) as dropped.
 * A track without data, or left with no value, is "no data".
 */
export function cleanValues<T>(track: Track<T>, valid: (v: T) => boolean): CleanTrack<T> {
  if (isNoData(track)) return { ok: false, reason: track.noData, count: { raw: 0, dropped: 0, used: 0 } };
  const values = track.values.filter(valid);
  const before = track.dropped ?? 0;
  const count = {
    raw: track.values.length + before,
    dropped: track.values.length - values.length + before,
    used: values.length,
  };
  if (values.length === 0) return { ok: false, reason: 'no valid sample', count };
  return { ok: true, values, count };
}
