/**
 * GitHub webhook ingest (issue 8): deliveries per second through shiplock's real `POST
 * /github/webhook` (header checks, signature verified over the raw body, the body parsed, one
 * `BEGIN IMMEDIATE` insert into the durable inbox on the inbox writer thread, as the bot runs it,
 * on a real SQLite file with WAL and `synchronous=FULL`,
 * de-duplication by `X-GitHub-Delivery`, the 202/200 answer) against a bare `node:http` server that
 * reads the body, checks the same HMAC-SHA256 and answers 202 without storing anything.
 *
 * Payloads are GitHub's recorded `pull_request` deliveries (@octokit/webhooks-examples, 29 of them,
 * 21–27 KB), each sent with its own delivery id; 5 % of the shiplock side's requests are
 * redeliveries of an id already stored (answered 200, stored once). Processing of the stored
 * deliveries (the inbox worker) is not part of the measurement: the route answers before it runs.
 *
 * Goal: at least 1,000 deliveries per second, and at least 0.5× the bare server's rate.
 *
 *   npx tsx bench/webhook-ingest.ts            (WEBHOOK_BENCH_PER_ROUND=4000 for longer rounds)
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/adapters/db/open-database.ts';
import { createGitHubWebhookRoute } from '../src/adapters/github/webhook/create-github-webhook-route.ts';
import { startInboxWriter } from '../src/adapters/github/webhook/start-inbox-writer.ts';
import { startHttpServer } from '../src/adapters/http/create-http-server.ts';
import { createLogger } from '../src/adapters/log/create-logger.ts';
import { createLoadClient } from './lib/create-load-client.ts';
import type { SignedRequest } from './lib/load-job.ts';
import { machineLine } from './lib/machine-line.ts';
import { formatLine, formatPercentiles, summarize } from './lib/summarize.ts';
import { addToTally, emptyTally, formatStatuses } from './lib/tally.ts';

const SECRET = 'bench-github-webhook-secret';
const CONCURRENCY = Number(process.env.WEBHOOK_BENCH_CONCURRENCY ?? '32');
const WARM_UP = 300;
const ROUNDS = 4;
const PER_ROUND = Number(process.env.WEBHOOK_BENCH_PER_ROUND ?? '1500');
const REDELIVERY_SHARE = 0.05;
const GOAL_PER_SECOND = 1000;
const GOAL_RATIO = 0.5;
const P50_P99 = ['p50', 'p99'] as const;

interface Definition {
  readonly name: string;
  readonly examples: readonly Record<string, unknown>[];
}

/** GitHub's recorded pull_request payloads, serialised once as GitHub sends them (compact JSON). */
function recordedBodies(): string[] {
  const definitions = createRequire(import.meta.url)(
    '@octokit/webhooks-examples/api.github.com/index.json',
  ) as readonly Definition[];
  const examples = definitions.find((d) => d.name === 'pull_request')?.examples ?? [];
  if (examples.length === 0) throw new Error('bench: no recorded pull_request examples');
  return examples.map((payload) => JSON.stringify(payload));
}

const sign = (body: string): string => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

/** Deliveries with fresh ids; a share of them repeat an id the shiplock side has already stored. */
function deliveries(bodies: readonly string[], signatures: readonly string[], count: number, sent: string[][]) {
  const requests: SignedRequest[] = [];
  for (let i = 0; i < count; i += 1) {
    const known = sent.length > 0 && (i + 1) % Math.round(1 / REDELIVERY_SHARE) === 0;
    const [id, k] = known
      ? (sent[Math.floor((i * 7919) % sent.length)] as [string, string])
      : [randomUUID(), String(i % bodies.length)];
    if (!known) sent.push([id, k]);
    const index = Number(k);
    const headers = {
      'Content-Type': 'application/json',
      'User-Agent': 'GitHub-Hookshot/bench',
      'X-GitHub-Event': 'pull_request',
      'X-GitHub-Delivery': id,
      'X-Hub-Signature-256': signatures[index] as string,
    };
    requests.push({ body: bodies[index] as string, timestamp: '', signature: '', headers });
  }
  return requests;
}

/** The baseline: raw body, HMAC-SHA256 over it, constant-time compare, 202. Nothing stored. */
async function startBareServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`);
      const given = Buffer.from(String(req.headers['x-hub-signature-256'] ?? ''));
      const ok = given.length === expected.length && timingSafeEqual(given, expected);
      res.writeHead(ok ? 202 : 401, { 'content-type': 'application/json' }).end(ok ? '{"ok":true}' : '{"ok":false}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/github/webhook`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** CPU µs per delivery, and cores kept busy, from a side's CPU ms and its tally. */
const perDelivery = (cpuMs: number, tally: { sent: number }): number => Math.round((cpuMs * 1000) / tally.sent);
const cores = (cpuMs: number, tally: { ms: number }): string => (cpuMs / tally.ms).toFixed(2);

async function main(): Promise<number> {
  console.log(machineLine('start'));
  const dir = mkdtempSync(join(tmpdir(), 'shiplock-bench-webhook-'));
  const db = openDatabase(join(dir, 'shiplock.db'));
  // The bot logs at info by default (a redelivery is an info line): logged to nowhere, not skipped.
  const logger = createLogger('info', { write: () => undefined });
  // As the bot stores deliveries: on the inbox writer thread, its own connection to the file.
  const writer = startInboxWriter({ path: db.name, env: {}, logger });
  let stored = 0;
  const route = createGitHubWebhookRoute({
    secret: SECRET,
    inbox: writer,
    clock: { now: () => Date.now() },
    logger,
    onStored: () => {
      stored += 1;
    },
  });
  const shiplock = await startHttpServer({ '/github/webhook': route });
  const bare = await startBareServer();
  const client = createLoadClient();
  const bodies = recordedBodies();
  const signatures = bodies.map(sign);
  const sent: string[][] = [];
  const tallies = { shiplock: emptyTally(), bare: emptyTally() };
  // CPU of the whole process (every thread: the servers, the writer, the load thread, the GC) per side.
  const cpu = { shiplock: 0, bare: 0 };
  const urls = { shiplock: `${shiplock.url}/github/webhook`, bare: bare.url };
  try {
    const batch = (side: 'shiplock' | 'bare', count: number) =>
      client.run({
        url: urls[side],
        requests: deliveries(bodies, signatures, count, side === 'shiplock' ? sent : []),
        concurrency: CONCURRENCY,
      });
    await batch('shiplock', WARM_UP);
    await batch('bare', WARM_UP);
    for (let round = 0; round < ROUNDS; round += 1) {
      // ABBA, so drifting machine noise lands on both sides alike.
      const order = round % 2 === 0 ? (['shiplock', 'bare'] as const) : (['bare', 'shiplock'] as const);
      for (const side of order) {
        const before = process.cpuUsage();
        const result = await batch(side, PER_ROUND);
        const used = process.cpuUsage(before);
        cpu[side] += (used.user + used.system) / 1000;
        addToTally(tallies[side], result, PER_ROUND);
      }
    }
    const a = tallies.shiplock;
    const b = tallies.bare;
    const rateA = (a.sent / a.ms) * 1000;
    const rateB = (b.sent / b.ms) * 1000;
    const la = summarize(a.latencies);
    const lb = summarize(b.latencies);
    const rows = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM github_inbox').get()?.n ?? 0;
    const lines = [
      formatLine('webhook ingest (verify + durable insert)', Math.round(rateA), 'deliveries/s', {
        value: rateA / rateB,
        of: 'bare',
      }),
      formatLine('bare node:http + HMAC', Math.round(rateB), 'deliveries/s'),
      ...formatPercentiles('webhook ingest latency', la, 'ms', { versus: { summary: lb, of: 'bare' }, keys: P50_P99 }),
      ...formatPercentiles('bare latency', lb, 'ms', { keys: P50_P99 }),
      `shiplock: ${a.sent} measured deliveries (after ${WARM_UP} warm-up, ${CONCURRENCY} in flight), statuses ${formatStatuses(a)}, transport errors ${a.errors.length}; inbox rows ${rows} (new deliveries sent ${sent.length}, onStored ${stored})`,
      `bare: ${b.sent} measured deliveries, statuses ${formatStatuses(b)}, transport errors ${b.errors.length}`,
      formatLine('webhook ingest cpu per delivery (whole process)', perDelivery(cpu.shiplock, a), 'µs', {
        value: perDelivery(cpu.shiplock, a) / perDelivery(cpu.bare, b),
        of: 'bare',
      }),
      formatLine('bare cpu per delivery (whole process)', perDelivery(cpu.bare, b), 'µs'),
      `cpu: the load thread and the GC included; cores busy: shiplock ${cores(cpu.shiplock, a)}, bare ${cores(cpu.bare, b)} of ${availableParallelism()}`,
    ];
    const dedupOk = rows === sent.length && stored === sent.length;
    const met = rateA >= GOAL_PER_SECOND && rateA / rateB >= GOAL_RATIO;
    lines.push(`de-duplication: ${dedupOk ? 'every delivery stored once' : 'MISMATCH'}`);
    lines.push(
      `goal (≥ ${GOAL_PER_SECOND} deliveries/s and ≥ ${GOAL_RATIO}× bare): ${met ? 'met' : 'NOT met'} this run`,
    );
    lines.push(machineLine('end'));
    for (const line of lines) console.log(line);
    const failed = a.errors.length + b.errors.length + (a.statuses['401'] ?? 0) + (b.statuses['401'] ?? 0);
    return failed === 0 && dedupOk ? 0 : 1;
  } finally {
    await client.close();
    await bare.close();
    await shiplock.close();
    await writer.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
