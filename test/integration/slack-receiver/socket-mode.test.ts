import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/adapters/log/create-logger.ts';
import { createSlackApp } from '../../../src/adapters/slack/create-slack-app.ts';
import { type SocketModeEndpoint, startSocketModeEndpoint } from '../../support/start-socket-mode-endpoint.ts';

/** Socket Mode goes where `SLACK_API_URL` points (GovSlack, a proxy, the stand-in), not to slack.com. */
let endpoint: SocketModeEndpoint;

afterEach(() => endpoint.close());

describe('Socket Mode', () => {
  it('opens its connection through SLACK_API_URL with the app-level token', async () => {
    // Nothing but apps.connections.open is called: Bolt skips auth.test when given the identity.
    endpoint = await startSocketModeEndpoint('http://127.0.0.1:9/api/');
    const slack = createSlackApp({
      signingSecret: 'socket-mode-signing-secret',
      botToken: 'xoxb-test',
      appToken: 'xapp-test-A0SHIPLOCK',
      slackApiUrl: endpoint.apiUrl,
      logger: createLogger('silent'),
      now: () => Date.now(),
      identity: { botUserId: 'U0SHIPLOCK', botId: 'B0SHIPLOCK' },
    });
    expect(slack.mode).toBe('socket');
    // The Socket Mode client writes `retries: 100` into the options it is given; the bot's own
    // client (chat.postMessage and the rest) keeps Bolt's default (a private field, read on purpose).
    const botClient = slack.app.client as unknown as { retryConfig: { retries: number } };
    expect(botClient.retryConfig.retries).toBe(10);
    await slack.start();
    try {
      expect(endpoint.opens).toEqual(['Bearer xapp-test-A0SHIPLOCK']);
      expect(endpoint.connections()).toBe(1);
    } finally {
      await slack.stop();
    }
  });
});
