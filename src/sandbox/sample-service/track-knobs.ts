/**
 * A deployment track of the sample service, the value of its `track` label: the canary and its
 * baseline, and production, which production verification compares before and after its deploy.
 */
export type SampleTrack = 'baseline' | 'canary' | 'production';

/** How one track of the sample service behaves; change it at run time with `setKnobs`. */
export interface TrackKnobs {
  /** Simulated requests per second. */
  readonly requestsPerSecond: number;
  /** Probability that a request answers 500, before the multiplier. */
  readonly errorRate: number;
  /** Multiplies `errorRate` (capped at probability 1): 5 makes a track fail five times as often. */
  readonly errorRateMultiplier: number;
  /** Median latency; latencies are log-normal around it (σ = 0.5). */
  readonly medianLatencyMs: number;
  /** Added to every request's latency: a slow release. */
  readonly addedLatencyMs: number;
  /** Resident memory grows this much per second: a leak. */
  readonly memoryLeakBytesPerSecond: number;
  /** The track serves nothing and `/metrics` omits all its series, as an undeployed canary would. */
  readonly noData: boolean;
}

/** A healthy track: 100 requests/s, 1 % errors, 40 ms median latency, no leak. */
export const DEFAULT_TRACK_KNOBS: TrackKnobs = {
  requestsPerSecond: 100,
  errorRate: 0.01,
  errorRateMultiplier: 1,
  medianLatencyMs: 40,
  addedLatencyMs: 0,
  memoryLeakBytesPerSecond: 0,
  noData: false,
};
