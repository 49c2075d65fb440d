import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { verify } from '@octokit/webhooks-methods';
import type { Logger } from 'pino';
import { crashPoint } from '../../../shell/crash-point.ts';
import type { Clock } from '../../../shell/ports.ts';
import { checkWebhookHeaders, type WebhookHeaders } from './check-webhook-headers.ts';
import { createDeliveryBatcher, type DeliveryStore, type StoreDelivery } from './create-delivery-batcher.ts';
import { MALFORMED_JSON } from './create-github-inbox.ts';
import { readLimitedBody } from './read-limited-body.ts';
import { sendJson } from './send-json.ts';

/** GitHub caps payloads at 25 MB; shiplock's events are far smaller, so anything over 1 MiB is refused. */
export const MAX_WEBHOOK_BODY_BYTES = 1_048_576;

/** What the route is built from. */
export interface GitHubWebhookRouteOptions {
  /** The webhook secret configured on GitHub; an empty one refuses to build the route. */
  readonly secret: string;
  /**
   * Deliveries verified in the same turn of the event loop share one `storeAll` transaction: the
   * inbox itself, or the inbox writer thread (`startInboxWriter`), which the bot uses.
   */
  readonly inbox: DeliveryStore;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Called after a new delivery is committed and answered: processing happens after the answer. */
  readonly onStored: () => void;
  readonly maxBodyBytes?: number;
}

/** Strict UTF-8: the signature is checked over a string, which must re-encode to the very bytes sent. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * `POST /github/webhook`: verifies the delivery over its raw body and stores it in the inbox, then
 * answers — 202 for a new delivery, 200 for a redelivery of a known `X-GitHub-Delivery` — and only
 * then lets processing start. It makes no GitHub call, so it answers in milliseconds, well within
 * GitHub's 10 s (https://docs.github.com/en/webhooks/using-webhooks/best-practices-for-using-webhooks).
 *
 * A signed body that is not JSON is stored as `failed` (for the operator to inspect) and answered 400,
 * so GitHub's delivery log shows it as failed instead of hiding it behind a 2xx.
 */
export function createGitHubWebhookRoute(options: GitHubWebhookRouteOptions): RequestListener {
  if (options.secret.length === 0) {
    throw new Error('shiplock_github_webhook_secret: the GitHub webhook secret is empty; set it to verify deliveries.');
  }
  const limit = options.maxBodyBytes ?? MAX_WEBHOOK_BODY_BYTES;
  const context: RouteContext = { ...options, storeDelivery: createDeliveryBatcher(options.inbox) };
  return (req, res) => {
    receive(req, res, context, limit).catch((error: unknown) => {
      options.logger.error({ err: error }, 'github webhook not stored');
      if (!res.headersSent) {
        sendJson(res, 500, { ok: false, error: 'shiplock_github_inbox_unavailable: the delivery was not stored.' });
      }
    });
  };
}

type RouteContext = GitHubWebhookRouteOptions & { readonly storeDelivery: StoreDelivery };

async function receive(req: IncomingMessage, res: ServerResponse, options: RouteContext, limit: number): Promise<void> {
  const checked = checkWebhookHeaders(req.method, req.headers, limit);
  if (checked.kind === 'refuse') {
    // Nothing of the body was read: close the connection rather than read it to keep it alive.
    for (const [name, value] of Object.entries(checked.headers ?? {})) res.setHeader(name, value);
    return sendJson(res, checked.status, { ok: false, error: checked.error }, true);
  }
  const read = await readLimitedBody(req, limit);
  if (read.kind === 'too_large') {
    const error = `shiplock_github_webhook_too_large: the body is larger than ${limit} bytes.`;
    return sendJson(res, 413, { ok: false, error }, true);
  }
  let body: string;
  try {
    body = UTF8.decode(read.bytes);
  } catch {
    return sendJson(res, 400, { ok: false, error: 'shiplock_github_webhook_encoding: the body is not UTF-8.' });
  }
  if (body.length === 0 || !(await verify(options.secret, body, checked.signature))) {
    options.logger.warn({ delivery: checked.deliveryId, event: checked.event }, 'github webhook signature rejected');
    return sendJson(res, 401, { ok: false, error: 'shiplock_github_webhook_signature: the signature does not match.' });
  }
  crashPoint('github.webhook.after_verify');
  await store(res, options, checked, body);
}

/** Stores the verified delivery (its batch's transaction), answers, then hands over to processing. */
async function store(res: ServerResponse, options: RouteContext, headers: WebhookHeaders, body: string): Promise<void> {
  const { deliveryId, event } = headers;
  const outcome = await options.storeDelivery({ deliveryId, event, receivedAt: options.clock.now(), body });
  crashPoint('github.webhook.after_insert');
  if (outcome === 'duplicate') {
    options.logger.info({ delivery: deliveryId, event }, 'github redelivery of a known delivery');
    return sendJson(res, 200, { ok: true, duplicate: true });
  }
  if (outcome === 'malformed') {
    options.logger.warn({ delivery: deliveryId, event }, 'github delivery is not JSON; stored as failed');
    return sendJson(res, 400, { ok: false, error: MALFORMED_JSON });
  }
  sendJson(res, 202, { ok: true });
  crashPoint('github.webhook.after_answer');
  try {
    options.onStored();
  } catch (error) {
    options.logger.error({ err: error, delivery: deliveryId }, 'github inbox processing did not start');
  }
}
