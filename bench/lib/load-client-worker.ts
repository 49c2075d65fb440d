import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import type { LoadResult, PostedJob } from './load-job.ts';
import { readResponse } from './read-response.ts';

/**
 * The load generator, in its own thread so its event loop does not share time with the servers it
 * measures. It speaks HTTP/1.1 on raw keep-alive sockets, one request at a time per socket (as
 * Slack and GitHub deliver), with every request's bytes built before the clock starts: `node:http`'s
 * client cost more per request than the servers under test and set the floor of the measurement
 * (a server that only reads the body and answers 200 showed p99 57–73 ms at 100 in flight).
 */
// A socket left idle this long is replaced rather than reused: the servers' 5 s keepAliveTimeout
// could close it under the next request (ECONNRESET, seen on a busy machine).
const IDLE_LIMIT_MS = 4_000;

interface Connection {
  readonly socket: Socket;
  lastUsed: number;
  /** Set while a request waits for its answer. */
  onData: ((chunk: Buffer) => void) | null;
  onEnd: ((error: Error) => void) | null;
}

const idle = new Map<string, Connection[]>();

function open(url: URL): Promise<Connection> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port), noDelay: true });
    const connection: Connection = { socket, lastUsed: performance.now(), onData: null, onEnd: null };
    const closed = (error: Error): void => {
      const pool = idle.get(url.host) ?? [];
      idle.set(
        url.host,
        pool.filter((c) => c !== connection),
      );
      connection.onEnd?.(error);
    };
    socket.once('connect', () => resolve(connection));
    socket.once('error', reject);
    socket.on('data', (chunk) => connection.onData?.(chunk));
    socket.on('error', (error) => closed(error));
    socket.on('close', () => closed(new Error('socket closed by the server')));
  });
}

async function take(url: URL): Promise<Connection> {
  const pool = idle.get(url.host) ?? [];
  for (let c = pool.pop(); c !== undefined; c = pool.pop()) {
    if (performance.now() - c.lastUsed < IDLE_LIMIT_MS && !c.socket.destroyed) return c;
    c.socket.destroy();
  }
  return open(url);
}

function release(url: URL, connection: Connection, keepAlive: boolean): void {
  connection.onData = null;
  connection.onEnd = null;
  connection.lastUsed = performance.now();
  if (!keepAlive) return void connection.socket.destroy();
  const pool = idle.get(url.host) ?? [];
  pool.push(connection);
  idle.set(url.host, pool);
}

/** A request as it goes on the wire: its own head, and a body shared by every request that sends it. */
interface WireRequest {
  readonly head: Buffer;
  readonly body: Buffer;
}

/** Builds the wire requests, each distinct body encoded once and shared by the requests that send it. */
function toWire(url: URL, job: PostedJob): WireRequest[] {
  const bodies = job.bodies.map((body) => Buffer.from(body));
  return job.requests.map((request) => {
    const body = bodies[request.body] as Buffer;
    const headers = request.headers ?? {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Slack-Request-Timestamp': request.timestamp,
      'X-Slack-Signature': request.signature,
    };
    const lines = [`POST ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`, 'Connection: keep-alive'];
    for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
    lines.push(`Content-Length: ${body.length}`, '', '');
    return { head: Buffer.from(lines.join('\r\n')), body };
  });
}

async function send(url: URL, request: WireRequest): Promise<{ status: number; ms: number }> {
  const connection = await take(url);
  return new Promise((resolve, reject) => {
    let received: Buffer = Buffer.alloc(0);
    const started = performance.now();
    connection.onData = (chunk) => {
      received = received.length === 0 ? chunk : Buffer.concat([received, chunk]);
      const response = readResponse(received);
      if (response === null) return;
      const ms = performance.now() - started;
      release(url, connection, response.keepAlive);
      resolve({ status: response.status, ms });
    };
    connection.onEnd = (error) => reject(error);
    // One write of head and body (writev), without copying the shared body.
    connection.socket.cork();
    connection.socket.write(request.head);
    connection.socket.write(request.body);
    connection.socket.uncork();
  });
}

async function run(job: PostedJob): Promise<LoadResult> {
  const url = new URL(job.url);
  const requests = toWire(url, job);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const errors: string[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < requests.length; i = next++) {
      try {
        const { status, ms } = await send(url, requests[i] as WireRequest);
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

parentPort?.on('message', (job: PostedJob) => {
  void run(job).then((result) => parentPort?.postMessage(result));
});
