import { createHmac } from 'node:crypto';

/**
 * Slack's request signature: `v0=` + hex(HMAC-SHA256(signing secret, `v0:<timestamp>:<raw body>`))
 * (https://docs.slack.dev/authentication/verifying-requests-from-slack).
 */
export function signSlackRequest(signingSecret: string, timestamp: number | string, rawBody: string): string {
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex');
  return `v0=${digest}`;
}
