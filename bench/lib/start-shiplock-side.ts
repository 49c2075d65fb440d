import { performance } from 'node:perf_hooks';
import type { Rollout } from '../../src/core/types.ts';
import type { SlackStandIn } from '../../src/sandbox/slack/index.ts';
import { DEPLOY_CHANNEL, startSlackHarness } from '../../test/support/start-slack-harness.ts';

export const BENCH_CHANNEL = DEPLOY_CHANNEL;
export const BENCH_SECRET = 'bench-signing-secret';

/** shiplock's real Slack path (the end-to-end tests' harness), ready to take approve clicks. */
export interface ShiplockSide {
  readonly slack: SlackStandIn;
  /** `POST` target: the real Bolt HTTPReceiver behind shiplock's timestamp guard. */
  readonly url: string;
  /** The card's `ts` in the stand-in channel. */
  readonly cardTs: string;
  /** Synchronous time spent in `shell.enqueue` per click (the batch commits after the ack), in ms. */
  readonly handleMs: number[];
  rollout(): Rollout;
  eventCount(): number;
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the stand-in, the shell on a temp SQLite file and the Bolt app; opens a PR to `awaiting_approval`. */
export async function startShiplockSide(): Promise<ShiplockSide> {
  const handleMs: number[] = [];
  const harness = await startSlackHarness({
    secret: BENCH_SECRET,
    // As production wires it (a burst of clicks is one transaction), timed.
    record: (shell) => (event) => {
      const started = performance.now();
      try {
        shell.enqueue(event);
      } finally {
        handleMs.push(performance.now() - started);
      }
    },
  });
  const cardTs = await harness.openAwaitingApproval();
  const countEvents = harness.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM events');
  return {
    slack: harness.slack,
    url: harness.url,
    cardTs,
    handleMs,
    rollout: harness.rollout,
    eventCount: () => countEvents.get()?.n ?? 0,
    idle: () => harness.shell.idle(),
    close: () => harness.close(),
  };
}
