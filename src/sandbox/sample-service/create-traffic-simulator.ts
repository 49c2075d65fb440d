import { seededRandom } from './seeded-random.ts';
import { DEFAULT_TRACK_KNOBS, type SampleTrack, type TrackKnobs } from './track-knobs.ts';

/** Upper bounds of the latency histogram, seconds: the Prometheus client libraries' defaults. */
export const LATENCY_BUCKETS_SECONDS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const BASE_RESIDENT_BYTES = 64 * 1024 * 1024;
const TRACKS: readonly SampleTrack[] = ['baseline', 'canary', 'production'];

/** Everything one track has counted since the start. */
export interface TrackCounters {
  /** Requests by status code (`"200"`, `"500"`); a code appears once it has been answered. */
  readonly requests: Readonly<Record<string, number>>;
  /** Per bucket of `LATENCY_BUCKETS_SECONDS`, plus a last one for `+Inf`; not cumulative. */
  readonly buckets: readonly number[];
  readonly latencySumSeconds: number;
  readonly cpuSeconds: number;
  readonly residentBytes: number;
}

/** What `/metrics` shows: the tracks that serve data, in a fixed order. */
export interface TrafficSnapshot {
  readonly service: string;
  readonly tracks: readonly { readonly track: SampleTrack; readonly counters: TrackCounters }[];
}

/** Simulated traffic for the baseline, canary and production tracks of one service. */
export interface TrafficSimulator {
  /** Simulates `ms` of traffic on every track that serves data. */
  advance(ms: number): void;
  setKnobs(track: SampleTrack, knobs: Partial<TrackKnobs>): void;
  knobs(track: SampleTrack): TrackKnobs;
  snapshot(): TrafficSnapshot;
}

/** Options of `createTrafficSimulator`. */
export interface TrafficSimulatorOptions {
  readonly service: string;
  readonly knobs?: Partial<Record<SampleTrack, Partial<TrackKnobs>>>;
  /** Same seed, same knobs, same `advance` calls: same counters. */
  readonly seed?: number;
}

interface TrackState {
  knobs: TrackKnobs;
  readonly random: () => number;
  pending: number;
  elapsedSeconds: number;
  readonly requests: Record<string, number>;
  readonly buckets: number[];
  latencySumSeconds: number;
  cpuSeconds: number;
  residentBytes: number;
}

/**
 * Creates the traffic model behind the sample service: requests arrive at a steady rate, fail with
 * the track's error probability, take a log-normal latency plus the added delay, and cost CPU; the
 * resident memory wobbles around 64 MiB and grows by the leak knob.
 */
export function createTrafficSimulator(options: TrafficSimulatorOptions): TrafficSimulator {
  const seed = options.seed ?? 1;
  const state = new Map<SampleTrack, TrackState>(
    TRACKS.map((track, i) => [
      track,
      {
        knobs: { ...DEFAULT_TRACK_KNOBS, ...options.knobs?.[track] },
        random: seededRandom(seed + i),
        pending: 0,
        elapsedSeconds: 0,
        requests: {},
        buckets: LATENCY_BUCKETS_SECONDS.map(() => 0).concat(0),
        latencySumSeconds: 0,
        cpuSeconds: 0,
        residentBytes: BASE_RESIDENT_BYTES,
      },
    ]),
  );
  const get = (track: SampleTrack): TrackState => state.get(track) as TrackState;
  return {
    advance(ms) {
      for (const track of TRACKS) if (!get(track).knobs.noData) advanceTrack(get(track), ms / 1000);
    },
    setKnobs(track, knobs) {
      get(track).knobs = { ...get(track).knobs, ...knobs };
    },
    knobs: (track) => get(track).knobs,
    snapshot: () => ({
      service: options.service,
      tracks: TRACKS.filter((track) => !get(track).knobs.noData).map((track) => ({
        track,
        counters: toCounters(get(track)),
      })),
    }),
  };
}

function toCounters(s: TrackState): TrackCounters {
  const { latencySumSeconds, cpuSeconds, residentBytes } = s;
  return { requests: { ...s.requests }, buckets: [...s.buckets], latencySumSeconds, cpuSeconds, residentBytes };
}

function advanceTrack(s: TrackState, seconds: number): void {
  const { knobs } = s;
  s.pending += knobs.requestsPerSecond * seconds;
  const n = Math.floor(s.pending);
  s.pending -= n;
  const errorProbability = Math.min(1, knobs.errorRate * knobs.errorRateMultiplier);
  for (let i = 0; i < n; i += 1) {
    const code = s.random() < errorProbability ? '500' : '200';
    s.requests[code] = (s.requests[code] ?? 0) + 1;
    const latency = (knobs.medianLatencyMs * Math.exp(0.5 * standardNormal(s.random)) + knobs.addedLatencyMs) / 1000;
    const bucket = LATENCY_BUCKETS_SECONDS.findIndex((le) => latency <= le);
    const index = bucket === -1 ? LATENCY_BUCKETS_SECONDS.length : bucket;
    s.buckets[index] = (s.buckets[index] ?? 0) + 1;
    s.latencySumSeconds += latency;
  }
  s.elapsedSeconds += seconds;
  s.cpuSeconds += seconds * 0.02 + n * 0.0002;
  const wobble = (s.random() - 0.5) * 1024 * 1024;
  s.residentBytes = Math.round(BASE_RESIDENT_BYTES + knobs.memoryLeakBytesPerSecond * s.elapsedSeconds + wobble);
}

/** Box–Muller: a standard normal draw from two uniforms. */
function standardNormal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
