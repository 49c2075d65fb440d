import { type Logger, LogLevel, WebClient, type WebClientOptions } from '@slack/web-api';
import type { SlackStandIn } from '../../../src/sandbox/slack/index.ts';

/** A logger that says nothing: the client logs Slack's `[ERROR]` details, which these tests expect. */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

/**
 * The real `@slack/web-api` client pointed at the stand-in (`slackApiUrl` is the documented option).
 * `token: null` sends no token at all.
 */
export function createClient(
  slack: SlackStandIn,
  token: string | null = slack.bot.token,
  options: WebClientOptions = {},
) {
  return new WebClient(token ?? undefined, { slackApiUrl: slack.apiUrl, logger: silentLogger, ...options });
}
