import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import type { LoadJob, LoadResult, SignedRequest } from './load-job.ts';

/**
 * The load generator, in its own thread so its event loop does not share time with the servers it
 * measures. Keep-alive sockets are reused across jobs (Slack's own delivery reuses connections too).
 */
// `timeout` closes a keep-alive socket left idle for 4 s, before the server's 5 s keepAliveTimeout
// does: otherwise a batch that starts after a long drain can reuse a socket the server is closing
// (ECONNRESET / "socket hang up", seen on both sides when the machine is busy).
const agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 4_000 });

function send(url: URL, signed: SignedRequest): Promise<{ status: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          ...(signed.headers ?? {
            'Content-Type': 'application/x-www-form-urlencoded',
            'X-Slack-Request-Timestamp': signed.timestamp,
            'X-Slack-Signature': signed.signature,
          }),
          'Content-Length': Buffer.byteLength(signed.body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(signed.body);
  });
}

async function run(job: LoadJob): Promise<LoadResult> {
  const url = new URL(job.url);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const errors: string[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < job.requests.length; i = next++) {
      const signed = job.requests[i];
      if (signed === undefined) return;
      try {
        const { status, ms } = await send(url, signed);
        statuses[status] = (statuses[status] ?? 0) + 1;
        latencies.push(ms);
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: job.concurrency }, lane));
  return { id: job.id, latencies, statuses, errors, elapsedMs: performance.now() - started };
}

parentPort?.on('message', (job: LoadJob) => {
  void run(job).then((result) => parentPort?.postMessage(result));
});
