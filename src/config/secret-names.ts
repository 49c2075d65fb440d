import type { SecretName } from './types.ts';

/** Every secret shiplock reads from the environment, with what it is for. */
export const SECRET_NAMES: Readonly<Record<SecretName, string>> = {
  SLACK_BOT_TOKEN: 'the Slack bot token (xoxb-…) that posts cards and reads users',
  SLACK_SIGNING_SECRET: 'the Slack signing secret that verifies requests from Slack',
  SLACK_APP_TOKEN: 'the Slack app-level token (xapp-…) for Socket Mode',
  GITHUB_TOKEN: 'the GitHub token that reads pull requests and writes check runs and deployments',
  GITHUB_WEBHOOK_SECRET: 'the secret that verifies GitHub webhook deliveries',
  OPENAI_API_KEY:
    'the API key of the OpenAI-compatible endpoint of the advisory reviewer and the narrow models (security scanner, canary)',
  ALERTMANAGER_TOKEN: 'the bearer token Alertmanager sends to /alertmanager/webhook (optional)',
  PROMETHEUS_TOKEN: 'the bearer token sent to the Prometheus HTTP API, e.g. behind an authenticating proxy (optional)',
};

/** True for the name of a secret environment variable. */
export function isSecretName(name: string): name is SecretName {
  return Object.hasOwn(SECRET_NAMES, name);
}
