/**
 * A sample service with baseline, canary and production tracks for the canary demo and the real-Prometheus
 * tests: simulated traffic with knobs (error multiplier, added latency, leak, no data), exposed at
 * `/metrics` in Prometheus's text format written by hand. Never loaded in production mode.
 */

export {
  createTrafficSimulator,
  LATENCY_BUCKETS_SECONDS,
  type TrackCounters,
  type TrafficSimulator,
  type TrafficSimulatorOptions,
  type TrafficSnapshot,
} from './create-traffic-simulator.ts';
export { seededRandom } from './seeded-random.ts';
export {
  type SampleService,
  type SampleServiceOptions,
  startSampleService,
} from './start-sample-service.ts';
export { EXPOSITION_CONTENT_TYPE, toExposition } from './to-exposition.ts';
export { DEFAULT_TRACK_KNOBS, type SampleTrack, type TrackKnobs } from './track-knobs.ts';
