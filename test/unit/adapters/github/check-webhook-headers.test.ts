import { sign, verify } from '@octokit/webhooks-methods';
import { describe, expect, it } from 'vitest';
import { checkWebhookHeaders } from '../../../../src/adapters/github/webhook/check-webhook-headers.ts';

/** Refusals before the body is read, cheapest first. */
const GOOD = {
  'content-type': 'application/json',
  'content-length': '100',
  'x-hub-signature-256': `sha256=${'0'.repeat(64)}`,
  'x-github-event': 'pull_request',
  'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958',
};
const LIMIT = 1_048_576;

describe('checkWebhookHeaders', () => {
  it('accepts GitHub headers, also with a charset', () => {
    expect(checkWebhookHeaders('POST', { ...GOOD, 'content-type': 'application/json; charset=utf-8' }, LIMIT)).toEqual({
      kind: 'headers',
      signature: GOOD['x-hub-signature-256'],
      event: 'pull_request',
      deliveryId: GOOD['x-github-delivery'],
    });
  });

  it.each([
    ['GET', 'GET', {}, 405],
    ['form encoding', 'POST', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
    ['no content type', 'POST', { 'content-type': undefined }, 415],
    ['content-length over the limit', 'POST', { 'content-length': String(LIMIT + 1) }, 413],
    ['the SHA-1 signature only', 'POST', { 'x-hub-signature-256': undefined, 'x-hub-signature': 'sha1=00' }, 401],
    ['an uppercase signature', 'POST', { 'x-hub-signature-256': `sha256=${'A'.repeat(64)}` }, 401],
    ['no event', 'POST', { 'x-github-event': undefined }, 400],
    ['an odd event name', 'POST', { 'x-github-event': 'pull request' }, 400],
    ['no delivery id', 'POST', { 'x-github-delivery': undefined }, 400],
    ['a delivery id with a space', 'POST', { 'x-github-delivery': 'a b' }, 400],
  ])('%s → %i', (_name, method, patch, status) => {
    expect(checkWebhookHeaders(method, { ...GOOD, ...patch }, LIMIT)).toMatchObject({ kind: 'refuse', status });
  });

  it('content-length at the limit passes', () => {
    expect(checkWebhookHeaders('POST', { ...GOOD, 'content-length': String(LIMIT) }, LIMIT).kind).toBe('headers');
  });
});

describe("GitHub's documented signature test vector", () => {
  // https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries
  const secret = "It's a Secret to Everybody";
  const signature = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';

  it('is what sign computes and verify accepts; any other byte is refused', async () => {
    expect(await sign(secret, 'Hello, World!')).toBe(signature);
    expect(await verify(secret, 'Hello, World!', signature)).toBe(true);
    expect(await verify(secret, 'Hello, World?', signature)).toBe(false);
    expect(await verify(`${secret}.`, 'Hello, World!', signature)).toBe(false);
  });
});
