import type { IncomingHttpHeaders } from 'node:http';

/** A refusal answered before the body is used: status, stable code and a sentence for the sender. */
export interface WebhookRefusal {
  readonly kind: 'refuse';
  readonly status: number;
  readonly error: string;
  /** Extra response headers (405's `allow`). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** The delivery's headers, present and well-formed. */
export interface WebhookHeaders {
  readonly kind: 'headers';
  readonly signature: string;
  readonly event: string;
  readonly deliveryId: string;
}

/** `sha256=` and 64 lowercase hex digits, as GitHub sends it. */
const SIGNATURE = /^sha256=[0-9a-f]{64}$/;
/** Event names are snake_case words (`pull_request`, `check_suite`). */
const EVENT = /^[a-z_]{1,64}$/;
/** GitHub sends a GUID; anything printable and short is accepted, it is only a key. */
const DELIVERY = /^[\x21-\x7e]{1,128}$/;

const refuse = (status: number, error: string, headers?: Record<string, string>): WebhookRefusal =>
  headers === undefined ? { kind: 'refuse', status, error } : { kind: 'refuse', status, error, headers };

const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * Everything about a webhook request that can be refused before its body is read, cheapest first,
 * so a stranger's request costs no body buffering. `limit` is the body cap in bytes.
 * https://docs.github.com/en/webhooks/webhook-events-and-payloads#delivery-headers
 */
export function checkWebhookHeaders(
  method: string | undefined,
  headers: IncomingHttpHeaders,
  limit: number,
): WebhookRefusal | WebhookHeaders {
  if (method !== 'POST') {
    return refuse(405, 'shiplock_github_webhook_method: GitHub webhooks are POST requests.', { allow: 'POST' });
  }
  const mediaType = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    return refuse(
      415,
      "shiplock_github_webhook_content_type: set the webhook's Content type to application/json in the repository's webhook settings.",
    );
  }
  const length = headers['content-length'];
  if (length !== undefined && Number(length) > limit) {
    return refuse(413, `shiplock_github_webhook_too_large: the body is larger than ${limit} bytes.`);
  }
  const signature = one(headers['x-hub-signature-256']);
  if (signature === undefined || !SIGNATURE.test(signature)) {
    return refuse(401, 'shiplock_github_webhook_signature: X-Hub-Signature-256 is missing or malformed.');
  }
  const event = one(headers['x-github-event']);
  const deliveryId = one(headers['x-github-delivery']);
  if (event === undefined || !EVENT.test(event) || deliveryId === undefined || !DELIVERY.test(deliveryId)) {
    return refuse(400, 'shiplock_github_webhook_headers: X-GitHub-Event and X-GitHub-Delivery are required.');
  }
  return { kind: 'headers', signature, event, deliveryId };
}
