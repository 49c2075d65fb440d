import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * Slack's request signature, exactly as documented: `v0=` + hex(HMAC-SHA256(signing secret,
 * `v0:<X-Slack-Request-Timestamp>:<raw body>`)), compared in constant time
 * (https://docs.slack.dev/authentication/verifying-requests-from-slack). The timestamp window is
 * the caller's (`createSlackApp` refuses ±5 minutes before the body is read). An empty secret
 * never verifies: an empty HMAC key would make forgeries "valid" (bolt-js #2946).
 */
export function isSignedBySlack(secret: string, headers: IncomingHttpHeaders, rawBody: Buffer): boolean {
  const signature = headers['x-slack-signature'];
  const timestamp = headers['x-slack-request-timestamp'];
  if (secret.length === 0 || typeof signature !== 'string' || typeof timestamp !== 'string') return false;
  if (!signature.startsWith('v0=')) return false;
  const hmac = createHmac('sha256', secret).update(`v0:${timestamp}:`).update(rawBody);
  const expected = Buffer.from(`v0=${hmac.digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
