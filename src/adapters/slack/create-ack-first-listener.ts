import type { RequestListener, ServerResponse } from 'node:http';
import { parse } from 'node:querystring';
import { type BufferedIncomingMessage, HTTPModuleFunctions } from '@slack/bolt';
import type { Logger } from 'pino';
import type { DeferredDispatch } from './create-deferred-dispatch.ts';
import { isSignedBySlack } from './is-signed-by-slack.ts';

/** What the ack-first path needs; `bolt` is the HTTPReceiver's own listener. */
export interface AckFirstOptions {
  readonly signingSecret: string;
  readonly bolt: RequestListener;
  readonly dispatch: DeferredDispatch['dispatch'];
  readonly logger: Logger;
}

/** The start of every click form Slack sends: `payload=` and, URL-encoded, `{"type":"block_actions"`. */
const CLICK_FORM_PREFIX = Buffer.from(`payload=${encodeURIComponent('{"type":"block_actions"')}`);

/**
 * A signed `block_actions` click is answered 200 as soon as its body is read and verified; Bolt
 * dispatches it to the same listeners afterwards (issue 3: acknowledge first, then work). Slack
 * ignores the body of that acknowledgement, so nothing a listener could say is lost. A form that
 * starts the way Slack's click forms do is acknowledged before it is even parsed (parsing a 5 KB
 * form is most of the work before the 200); if a signed form of that shape turns out not to be a
 * click after all, it is logged and dropped. Every other
 * request — slash commands and `view_submission` (whose ack may carry an answer), events,
 * `url_verification`, `ssl_check` — goes to Bolt's receiver unchanged, with the body already
 * buffered (Bolt reuses `rawBody`) and verified again by Bolt. Oversized bodies get Bolt's 413,
 * bad signatures Bolt's 401, both before anything is parsed or dispatched.
 */
export function createAckFirstListener(options: AckFirstOptions): RequestListener {
  return (req, res) => {
    // Bolt's listener throws on other methods (its own server turns that into a 404); thrown from
    // our server's callback it would be an uncaught exception, so answer here.
    if (req.method !== 'POST') return refuse(res, 404);
    HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit).then(
      (buffered) => route(options, buffered, res),
      (error: unknown) => {
        const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413;
        options.logger.warn({ err: error }, 'Slack request body not read');
        refuse(res, tooLarge ? 413 : 401);
      },
    );
  };
}

function route(options: AckFirstOptions, req: BufferedIncomingMessage, res: ServerResponse): void {
  if (isClickForm(req)) {
    if (!isSigned(options, req, res)) return;
    res.writeHead(200).end();
    return options.dispatch(() => readClick(req), req.headers);
  }
  const payload = interactionPayload(req);
  if (payload === null) return options.bolt(req, res);
  if (!isSigned(options, req, res)) return;
  const body = parseBlockActions(payload);
  if (body === null) return options.bolt(req, res);
  res.writeHead(200).end();
  options.dispatch(() => body, req.headers);
}

/** Checks Slack's signature; a bad or missing one is answered 401 here. */
function isSigned(options: AckFirstOptions, req: BufferedIncomingMessage, res: ServerResponse): boolean {
  if (isSignedBySlack(options.signingSecret, req.headers, req.rawBody)) return true;
  options.logger.warn('Slack interaction refused: bad or missing signature');
  refuse(res, 401);
  return false;
}

const isClickForm = (req: BufferedIncomingMessage): boolean =>
  isForm(req) && req.rawBody.subarray(0, CLICK_FORM_PREFIX.length).equals(CLICK_FORM_PREFIX);

// Bolt matches this content type exactly; anything else is Bolt's to parse (or refuse).
const isForm = (req: BufferedIncomingMessage): boolean =>
  req.headers['content-type'] === 'application/x-www-form-urlencoded';

/** The click inside an acknowledged form, or null when it is not one after all. */
function readClick(req: BufferedIncomingMessage): Record<string, unknown> | null {
  const payload = interactionPayload(req);
  return payload === null ? null : parseBlockActions(payload);
}

/** The `payload` field of an interaction form, as Bolt reads it; null sends the request to Bolt. */
function interactionPayload(req: BufferedIncomingMessage): string | null {
  if (!isForm(req)) return null;
  const form = parse(req.rawBody.toString());
  // ssl_check is unsigned by design: Bolt answers it and strips any smuggled payload (bolt-js #2897).
  if (form.ssl_check !== undefined) return null;
  return typeof form.payload === 'string' ? form.payload : null;
}

/** A verified payload that is a `block_actions` interaction, or null (Bolt's path: 400 if garbled). */
function parseBlockActions(payload: string): Record<string, unknown> | null {
  try {
    const body: unknown = JSON.parse(payload);
    const isClick = typeof body === 'object' && body !== null && (body as { type?: unknown }).type === 'block_actions';
    return isClick ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Bolt's refusals carry no body. */
function refuse(res: ServerResponse, status: 401 | 404 | 413): void {
  res.writeHead(status).end();
}
