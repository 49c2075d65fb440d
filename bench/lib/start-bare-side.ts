import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { startHttpServer } from '../../src/adapters/http/create-http-server.ts';
import { ACTION_ID } from '../../src/render/index.ts';

/** The baseline a team would otherwise run: a Bolt app whose approve handler only acks. */
export interface BareSide {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Same receiver settings and the same `startHttpServer` mounting as shiplock's HTTP mode, same
 * signing secret, same Web API base URL (Bolt checks the token with `auth.test` at start).
 */
export async function startBareSide(signingSecret: string, botToken: string, slackApiUrl: string): Promise<BareSide> {
  const logLevel = LogLevel.WARN;
  const receiver = new HTTPReceiver({
    signingSecret,
    endpoints: '/slack/events',
    processBeforeResponse: false,
    logLevel,
  });
  const app = new App({ token: botToken, receiver, clientOptions: { slackApiUrl }, logLevel });
  app.action({ type: 'block_actions', action_id: ACTION_ID.approve }, async ({ ack }) => {
    await ack();
  });
  const server = await startHttpServer({ '/slack/events': receiver.requestListener });
  return { url: `${server.url}/slack/events`, close: () => server.close() };
}
