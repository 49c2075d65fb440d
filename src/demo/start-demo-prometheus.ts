import { freePort, startPrometheus } from '../sandbox/prometheus/start-prometheus.ts';
import { SCRAPE_MS } from './demo-traffic.ts';
import type { SampleFleet } from './start-sample-fleet.ts';

/** The Prometheus HTTP API the canary judge and the verifier query. */
export interface DemoPrometheus {
  readonly url: string;
  /** What it is, for the transcript. */
  readonly kind: 'binary' | 'stand-in';
  /** Resolves once it answers and has scraped the sample service; rejects if it cannot start. */
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real `prometheus` binary scraping the sample service when the machine has one, otherwise
 * the sandbox's query_range stand-in, which scrapes the same `/metrics` and evaluates the demo's
 * queries itself. The binary takes seconds to start, so its URL is known at once and it becomes
 * ready while the gates run (the canary is judged only after them; a look before would say
 * "inconclusive", never pass).
 */
export async function startDemoPrometheus(fleet: SampleFleet): Promise<DemoPrometheus> {
  if (fleet.standInUrl !== null) {
    // It runs in the sample service's process, which stops it.
    return { url: fleet.standInUrl, kind: 'stand-in', ready: Promise.resolve(), stop: async () => undefined };
  }
  const port = await freePort();
  // A loaded machine can take many seconds to start it; the gates run meanwhile.
  const starting = startPrometheus({
    targets: [fleet.target],
    scrapeIntervalSeconds: SCRAPE_MS / 1000,
    port,
    startTimeoutMs: 90_000,
  });
  const ready = starting.then(() => undefined);
  ready.catch(() => undefined); // Reported when the demo looks at `ready`, never as an unhandled rejection.
  return {
    url: `http://127.0.0.1:${port}`,
    kind: 'binary',
    ready,
    stop: async () => {
      const running = await starting.catch(() => null);
      await running?.stop();
    },
  };
}
