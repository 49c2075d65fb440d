import { describe, expect, it } from 'vitest';
import { isSignedBySlack } from '../../../src/adapters/slack/is-signed-by-slack.ts';
import { readJsonFixture } from '../sandbox-slack/read-fixture.ts';

/** Slack's own worked example (docs.slack.dev, reused verbatim by python-slack-sdk's tests). */
const vector = readJsonFixture<Record<string, string>>('signature_test_vector.slack-docs.json');
const secret = vector.signing_secret ?? '';
const body = Buffer.from(vector.raw_body ?? '');
const headers = {
  'x-slack-request-timestamp': vector.x_slack_request_timestamp,
  'x-slack-signature': vector.x_slack_signature,
};

describe('isSignedBySlack (v0:timestamp:body, HMAC-SHA256, constant-time compare)', () => {
  it("accepts Slack's documented example", () => {
    expect(isSignedBySlack(secret, headers, body)).toBe(true);
  });

  it.each([
    ['another secret', 'not-the-secret', headers, body],
    ['an empty secret (bolt-js #2946)', '', headers, body],
    ['another timestamp', secret, { ...headers, 'x-slack-request-timestamp': '1531420619' }, body],
    ['a changed body', secret, headers, Buffer.concat([body, Buffer.from('&x=1')])],
    ['no signature', secret, { 'x-slack-request-timestamp': headers['x-slack-request-timestamp'] }, body],
    ['no timestamp', secret, { 'x-slack-signature': headers['x-slack-signature'] }, body],
    [
      'a repeated signature header',
      secret,
      { ...headers, 'x-slack-signature': [vector.x_slack_signature ?? ''] },
      body,
    ],
    [
      'another scheme',
      secret,
      { ...headers, 'x-slack-signature': `v1=${headers['x-slack-signature']?.slice(3)}` },
      body,
    ],
    [
      'a truncated signature',
      secret,
      { ...headers, 'x-slack-signature': headers['x-slack-signature']?.slice(0, -1) },
      body,
    ],
  ])('refuses %s', (_name, key, given, raw) => {
    expect(isSignedBySlack(key, given, raw)).toBe(false);
  });
});
