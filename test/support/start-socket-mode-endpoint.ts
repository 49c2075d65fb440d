import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { Socket } from 'node:net';
import { listenOnLoopback } from '../../src/sandbox/listen-on-loopback.ts';
import { forwardRequest } from './forward-request.ts';

/**
 * Slack's side of Socket Mode, on loopback: `POST /api/apps.connections.open` (app-level token in
 * the Authorization header, answered `{ ok, url }` as https://docs.slack.dev/reference/methods/apps.connections.open
 * documents) and the WebSocket it names, which greets with Slack's `hello` message. Every other Web
 * API call is forwarded to `target` (the Slack stand-in), so one `SLACK_API_URL` serves a whole bot.
 */
export interface SocketModeEndpoint {
  /** `SLACK_API_URL` for the bot: ends with `/api/`. */
  readonly apiUrl: string;
  /** The `Authorization` header of every `apps.connections.open` call so far. */
  readonly opens: readonly string[];
  /** How many WebSocket connections were accepted (each was sent `hello`). */
  connections(): number;
  /** Holds the answers to `apps.connections.open` until `release()`: a slow Slack at start-up. */
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

/** RFC 6455's GUID for `Sec-WebSocket-Accept`. */
const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** One unmasked server frame (text, pong or close) with a payload under 64 KiB. */
function frame(opcode: number, payload: Buffer): Buffer {
  const header =
    payload.length < 126
      ? Buffer.from([0x80 | opcode, payload.length])
      : Buffer.from([0x80 | opcode, 126, payload.length >> 8, payload.length & 0xff]);
  return Buffer.concat([header, payload]);
}

/** Answers the client's pings and its close; client frames are masked (RFC 6455 §5.3). */
function serve(socket: Socket): void {
  let pending = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 6) {
      const opcode = (pending[0] as number) & 0x0f;
      const short = (pending[1] as number) & 0x7f;
      const lengthBytes = short === 126 ? 2 : short === 127 ? 8 : 0;
      const start = 2 + lengthBytes + 4;
      if (pending.length < start) return;
      const length =
        short === 126 ? pending.readUInt16BE(2) : short === 127 ? Number(pending.readBigUInt64BE(2)) : short;
      if (pending.length < start + length) return;
      const mask = pending.subarray(start - 4, start);
      const payload = Buffer.from(pending.subarray(start, start + length).map((b, i) => b ^ (mask[i % 4] as number)));
      pending = pending.subarray(start + length);
      if (opcode === 0x9) socket.write(frame(0xa, payload));
      if (opcode === 0x8) socket.end(frame(0x8, payload));
    }
  });
  socket.on('error', () => socket.destroy());
}

/** Starts the endpoint; `target` is the Slack Web API the other calls go to (ends with `/api/`). */
export async function startSocketModeEndpoint(target: string): Promise<SocketModeEndpoint> {
  const opens: string[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  let held: (() => void)[] | null = null;
  let base = '';
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/api/apps.connections.open') {
      opens.push(String(req.headers.authorization ?? ''));
      const answer = (): void => {
        const ok = /^Bearer xapp-/.test(String(req.headers.authorization ?? ''));
        const body = ok
          ? { ok: true, url: `${base.replace('http:', 'ws:')}/link/?ticket=loopback-ticket&app_id=A0SHIPLOCK` }
          : { ok: false, error: 'invalid_auth' };
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
      };
      req.resume();
      if (held === null) answer();
      else held.push(answer);
      return;
    }
    forwardRequest(`${target}${path.replace(/^\/api\//, '')}`, req, res);
  });
  server.on('upgrade', (req, socket: Socket) => {
    const key = req.headers['sec-websocket-key'];
    if (!(req.url ?? '').startsWith('/link/') || typeof key !== 'string') {
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const accept = createHash('sha1').update(`${key}${WEBSOCKET_GUID}`).digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    connections += 1;
    const hello = {
      type: 'hello',
      num_connections: connections,
      debug_info: { host: 'applink-loopback', build_number: 1, approximate_connection_time: 18060 },
      connection_info: { app_id: 'A0SHIPLOCK' },
    };
    socket.write(frame(0x1, Buffer.from(JSON.stringify(hello))));
    serve(socket);
  });
  const running = await listenOnLoopback(server);
  base = running.url;
  return {
    apiUrl: `${running.url}/api/`,
    opens,
    connections: () => connections,
    hold: () => {
      held ??= [];
    },
    release: () => {
      const waiting = held ?? [];
      held = null;
      for (const answer of waiting) answer();
    },
    close: async () => {
      // A client that is disconnecting finishes its close handshake first; the rest are cut off.
      const closed = [...sockets].map((socket) => new Promise((resolve) => socket.once('close', resolve)));
      const cutOff = setTimeout(() => {
        for (const socket of sockets) socket.destroy();
      }, 500);
      await Promise.all(closed);
      clearTimeout(cutOff);
      await running.close();
    },
  };
}
