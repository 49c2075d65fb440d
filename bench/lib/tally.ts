import type { LoadResult } from './load-job.ts';

/** What the load client saw of one side over the measured rounds. */
export interface Tally {
  sent: number;
  /** Summed wall time of the measured jobs (ms). */
  ms: number;
  latencies: number[];
  statuses: Record<string, number>;
  errors: string[];
}

export const emptyTally = (): Tally => ({ sent: 0, ms: 0, latencies: [], statuses: {}, errors: [] });

/** Adds one load job's result (`sent` requests) to the tally. */
export function addToTally(tally: Tally, result: LoadResult, sent: number): void {
  tally.sent += sent;
  tally.ms += result.elapsedMs ?? Number.NaN;
  tally.latencies.push(...result.latencies);
  for (const [status, n] of Object.entries(result.statuses)) tally.statuses[status] = (tally.statuses[status] ?? 0) + n;
  tally.errors.push(...result.errors);
}

/** `200×940, 401×3`: the answers' status counts. */
export const formatStatuses = (tally: Tally): string =>
  Object.entries(tally.statuses)
    .map(([status, n]) => `${status}×${n}`)
    .join(', ');
