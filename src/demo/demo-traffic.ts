import type { TrackKnobs } from '../sandbox/sample-service/index.ts';

/**
 * Every track's traffic: enough requests per one-second point that the error rate's interval fits
 * inside its 10 % margin after the judge's ten points.
 */
export const DEMO_TRAFFIC: Partial<TrackKnobs> = { requestsPerSecond: 10_000, errorRate: 0.02 };

/** How the canary misbehaves with `--bad-canary`: five times the errors and 150 ms slower. */
export const BAD_CANARY: Partial<TrackKnobs> = { errorRateMultiplier: 5, addedLatencyMs: 150 };

/** The scrape interval: four samples in every one-second range of the demo's queries. */
export const SCRAPE_MS = 250;
