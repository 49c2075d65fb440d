/**
 * The sample service in a process of its own, as the operator's service would be: the bot's busy
 * moments (git, gates, SQLite) cannot delay its `/metrics`, so every 250 ms scrape lands. With
 * `--stand-in` it also serves the query_range stand-in that scrapes it (machines without the
 * `prometheus` binary). Started by `startSampleFleet`, which sends knob changes over IPC.
 */
import { startQueryRangeStandIn } from '../sandbox/prometheus/start-query-range-stand-in.ts';
import { type SampleTrack, startSampleService, type TrackKnobs } from '../sandbox/sample-service/index.ts';
import { DEMO_TRAFFIC, SCRAPE_MS } from './demo-traffic.ts';

/** What the parent sends: new knobs for one track. */
export interface KnobsMessage {
  readonly track: SampleTrack;
  readonly knobs: Partial<TrackKnobs>;
}

const service = await startSampleService({
  service: 'slugs',
  knobs: { baseline: DEMO_TRAFFIC, production: DEMO_TRAFFIC, canary: { ...DEMO_TRAFFIC, noData: true } },
  seed: 8,
  tickMs: 50,
});
const standIn = process.argv.includes('--stand-in')
  ? await startQueryRangeStandIn({ targets: [service.target], scrapeIntervalMs: SCRAPE_MS })
  : null;
process.on('message', (message: KnobsMessage) => service.simulator.setKnobs(message.track, message.knobs));
// The parent going away (even killed) ends this process too.
process.on('disconnect', () => process.exit(0));
process.send?.({ url: service.url, target: service.target, standInUrl: standIn?.url ?? null });
