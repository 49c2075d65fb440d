import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SampleTrack, TrackKnobs } from '../sandbox/sample-service/index.ts';
import type { KnobsMessage } from './sample-fleet-process.ts';

/** The sample service's process, seen from the demo. */
export interface SampleFleet {
  /** `http://127.0.0.1:<port>`; the metrics are at `/metrics`. */
  readonly url: string;
  /** `127.0.0.1:<port>`, the scrape target. */
  readonly target: string;
  /** The query_range stand-in's URL, when asked for. */
  readonly standInUrl: string | null;
  setKnobs(track: SampleTrack, knobs: Partial<TrackKnobs>): void;
  stop(): Promise<void>;
}

const ENTRY = fileURLToPath(new URL('./sample-fleet-process.ts', import.meta.url));

/** Forks `sample-fleet-process.ts` (with tsx, as the demo runs) and waits until it serves. */
export function startSampleFleet(options: { readonly standIn: boolean }): Promise<SampleFleet> {
  const child = fork(ENTRY, options.standIn ? ['--stand-in'] : [], {
    execArgv: ['--import', import.meta.resolve('tsx')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`demo: the sample service exited (${code}) before serving`)));
    child.once('message', (message: { url: string; target: string; standInUrl: string | null }) =>
      resolve({
        ...message,
        setKnobs: (track, knobs) => child.send({ track, knobs } satisfies KnobsMessage),
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      }),
    );
  });
}
