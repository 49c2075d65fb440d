import { performance } from 'node:perf_hooks';
import { ACTION_ID } from '../src/render/index.ts';
import { signSlackRequest } from '../src/sandbox/slack/index.ts';
import { createLoadClient, type LoadClient } from './lib/create-load-client.ts';
import type { LoadResult, SignedRequest } from './lib/load-job.ts';
import { machineLine } from './lib/machine-line.ts';
import { type BareSide, startBareSide } from './lib/start-bare-side.ts';
import { type FloorSide, startFloorSide } from './lib/start-floor-side.ts';
import { BENCH_CHANNEL, BENCH_SECRET, type ShiplockSide, startShiplockSide } from './lib/start-shiplock-side.ts';
import { formatLine, formatPercentiles, summarize } from './lib/summarize.ts';
import { addToTally, emptyTally, formatStatuses, type Tally } from './lib/tally.ts';

/**
 * Approve-click acknowledgement latency (issue 3, issue 8): shiplock's real Slack path against a bare
 * Bolt app that only acks, the same signed `block_actions` bodies, 100 in flight, interleaved rounds.
 */
const CONCURRENCY = 100;
const WARM_UP = 200;
const ROUNDS = 8;
const PER_ROUND = 250;
/** One eligible approver (UBOB, already approved: a duplicate) and two who may not (author, outsider). */
const CLICKERS = ['UBOB', 'UAUTHOR', 'UDAVE'];
const GOAL_P99_MS = 50;
const GOAL_RATIO = 1.5;

/** Signs just before each batch, so timestamps stay well inside Slack's 5-minute window. */
function signBatch(bodies: readonly string[], count: number): SignedRequest[] {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signed = bodies.map((body) => ({
    body,
    timestamp,
    signature: signSlackRequest(BENCH_SECRET, timestamp, body),
  }));
  return Array.from({ length: count }, (_, i) => signed[i % signed.length] as SignedRequest);
}

/** Real payloads: the stand-in clicks the real card once per user (the first UBOB click counts). */
async function capturePayloads(shiplock: ShiplockSide): Promise<string[]> {
  const bodies: string[] = [];
  for (const user of CLICKERS) {
    const click = { user, channel: BENCH_CHANNEL, messageTs: shiplock.cardTs, actionId: ACTION_ID.approve };
    const result = await shiplock.slack.clickButton(click);
    if (result.status !== 200) throw new Error(`bench: setup click by ${user} answered ${result.status}`);
    bodies.push(result.rawBody);
  }
  await shiplock.idle();
  return bodies;
}

interface Sides {
  readonly shiplock: ShiplockSide;
  readonly bare: BareSide;
  readonly floor: FloorSide;
  readonly client: LoadClient;
  readonly bodies: readonly string[];
}

type Side = 'shiplock' | 'bare' | 'floor';

async function batch(sides: Sides, side: Side, count: number, drainMs: number[]): Promise<LoadResult> {
  const url = sides[side].url;
  const result = await sides.client.run({ url, requests: signBatch(sides.bodies, count), concurrency: CONCURRENCY });
  const started = performance.now();
  // Let the post-ack work (ephemeral replies to the stand-in) finish before the other side runs.
  await sides.shiplock.idle();
  if (side === 'shiplock') drainMs.push(performance.now() - started);
  return result;
}

async function measure(sides: Sides): Promise<{ tallies: Record<Side, Tally>; drainMs: number[] }> {
  const tallies = { shiplock: emptyTally(), bare: emptyTally(), floor: emptyTally() };
  const drainMs: number[] = [];
  for (const side of ['shiplock', 'bare', 'floor'] as const) await batch(sides, side, WARM_UP, []);
  for (let round = 0; round < ROUNDS; round += 1) {
    // ABCCBA order, so a drift in machine noise lands on every side alike.
    const order = round % 2 === 0 ? (['shiplock', 'bare', 'floor'] as const) : (['floor', 'bare', 'shiplock'] as const);
    for (const side of order) addToTally(tallies[side], await batch(sides, side, PER_ROUND, drainMs), PER_ROUND);
  }
  return { tallies, drainMs };
}

function failures(tally: Tally): number {
  const non200 = Object.entries(tally.statuses).reduce((n, [status, k]) => n + (status === '200' ? 0 : k), 0);
  return non200 + tally.errors.length;
}

function report(name: string, tally: Tally): string {
  const statuses = formatStatuses(tally);
  const errors = tally.errors.length === 0 ? '' : `; errors: ${[...new Set(tally.errors)].slice(0, 3).join(' | ')}`;
  return `${name} requests: ${tally.sent} (after ${WARM_UP} warm-up, ${CONCURRENCY} in flight; statuses ${statuses}; failed ${failures(tally)})${errors}`;
}

async function main(): Promise<number> {
  console.log(machineLine('start'));
  const shiplock = await startShiplockSide();
  const bare = await startBareSide(BENCH_SECRET, shiplock.slack.bot.token, shiplock.slack.apiUrl);
  const floor = await startFloorSide();
  const client = createLoadClient();
  try {
    const bodies = await capturePayloads(shiplock);
    const eventsBefore = shiplock.eventCount();
    shiplock.handleMs.length = 0;
    const { tallies, drainMs } = await measure({ shiplock, bare, floor, client, bodies });
    const { shiplock: a, bare: b, floor: f } = tallies;
    const sa = summarize(a.latencies);
    const sb = summarize(b.latencies);
    const sf = summarize(f.latencies);
    const handle = summarize(shiplock.handleMs);
    const drain = summarize(drainMs);
    const rollout = shiplock.rollout();
    const lines = [
      ...formatPercentiles('approve ack', sa, 'ms', { versus: { summary: sb, of: 'bare' } }),
      ...formatPercentiles('bare bolt ack', sb, 'ms'),
      ...formatPercentiles('floor (node:http answers 200 unread)', sf, 'ms'),
      report('approve', a),
      report('bare bolt', b),
      report('floor', f),
      formatLine('shell.enqueue per click p50 (queued after the ack; recorded in a batch)', handle.p50, 'ms'),
      formatLine('shell.enqueue per click p99', handle.p99, 'ms'),
      formatLine('post-ack work drained after a 250-click batch p50', drain.p50, 'ms'),
      `shiplock events recorded: ${shiplock.eventCount() - eventsBefore} for ${handle.count} clicks handled; rollout ${rollout.phase}, approvals [${rollout.approvals.map((x) => x.user).join(', ')}]`,
    ];
    const met = sa.p99 < GOAL_P99_MS && sa.p99 / sb.p99 <= GOAL_RATIO;
    lines.push(`goal (p99 < ${GOAL_P99_MS} ms and ≤ ${GOAL_RATIO}× bare): ${met ? 'met' : 'NOT met'} this run`);
    lines.push(machineLine('end'));
    for (const line of lines) console.log(line);
    return failures(a) + failures(b) + failures(f) === 0 ? 0 : 1;
  } finally {
    await client.close();
    await floor.close();
    await bare.close();
    await shiplock.close();
  }
}

process.exitCode = await main();
