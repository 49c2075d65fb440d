import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type LoopbackServer, listenOnLoopback } from '../listen-on-loopback.ts';

/** One `query_range` request as sent: `start` and `end` in epoch seconds, `step` in seconds. */
export interface QueryRange {
  readonly query: string;
  readonly start: number;
  readonly end: number;
  readonly step: number;
}

/** One series of a matrix: its labels and `[epoch seconds, value]` samples. */
export interface RangeSeries {
  readonly metric: Readonly<Record<string, string>>;
  readonly values: readonly (readonly [number, string])[];
}

/** A query's answer: the matrix, or the message of a 400 `bad_data` (what Prometheus says to a query it refuses). */
export type QueryRangeAnswer = readonly RangeSeries[] | { readonly badData: string };

/** A running server: `/api/v1/query_range`, `/-/ready`. */
export type QueryRangeServer = LoopbackServer;

const json = (res: ServerResponse, status: number, body: unknown): void =>
  void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

const badData = (res: ServerResponse, error: string) =>
  json(res, 400, { status: 'error', errorType: 'bad_data', error });

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return body;
}

async function respond(req: IncomingMessage, res: ServerResponse, answer: (range: QueryRange) => QueryRangeAnswer) {
  const url = new URL(req.url ?? '/', 'http://stand-in');
  if (url.pathname === '/-/ready') return void res.writeHead(200).end('ready');
  if (url.pathname !== '/api/v1/query_range') return json(res, 404, { status: 'error', error: 'not found' });
  const params = req.method === 'POST' ? new URLSearchParams(await readBody(req)) : url.searchParams;
  const [start, end, step] = ['start', 'end', 'step'].map((k) => Number(params.get(k))) as [number, number, number];
  if (![start, end, step].every(Number.isFinite) || step <= 0) return badData(res, 'bad start, end or step');
  const result = answer({ query: params.get('query') ?? '', start, end, step });
  if ('badData' in result) return badData(res, result.badData);
  json(res, 200, { status: 'success', data: { resultType: 'matrix', result } });
}

/**
 * The HTTP side of Prometheus's `query_range` (https://prometheus.io/docs/prometheus/latest/querying/api/#range-queries)
 * on 127.0.0.1, an ephemeral port: GET or form-encoded POST, a 400 `bad_data` for a start, end or
 * step that is not a number (or a step that is not positive), and the `matrix` envelope around
 * what `answer` computes. The demo's stand-in and the tests' fakes differ only in `answer`.
 * Sandbox only.
 */
export async function startQueryRangeServer(
  answer: (range: QueryRange) => QueryRangeAnswer,
): Promise<QueryRangeServer> {
  return listenOnLoopback(createServer((req, res) => void respond(req, res, answer)));
}

/** The evaluation times of a range, `start` to `end` inclusive, `step` apart (epoch seconds). */
export function stepTimes(range: QueryRange): number[] {
  const times: number[] = [];
  for (let s = range.start; s <= range.end + 1e-9; s += range.step) times.push(s);
  return times;
}
