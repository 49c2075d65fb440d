import { formatPath } from './format-path.ts';
import { isHttpUrl } from './is-http-url.ts';
import { SECRET_NAMES } from './secret-names.ts';
import type { ConfigError, Endpoints, SecretName, Secrets } from './types.ts';

/** Everything shiplock takes from the environment. Unset and empty variables are absent. */
export interface EnvSettings {
  readonly secrets: Secrets;
  readonly endpoints: Endpoints;
  readonly prometheusUrl?: string;
  readonly database?: string;
  readonly errors: readonly ConfigError[];
}

const URL_VARIABLES = {
  SLACK_API_URL: 'slackApiUrl',
  GITHUB_API_URL: 'githubApiUrl',
  OPENAI_BASE_URL: 'openaiBaseUrl',
} as const satisfies Record<string, keyof Endpoints>;

/**
 * Reads the secrets and the non-secret settings (API URLs, PROMETHEUS_URL, SHIPLOCK_DB) from `env`.
 * URLs must be http(s); a Slack app token and bot token put in each other's place is caught here,
 * because it otherwise fails later with an unhelpful `not_allowed_token_type`.
 */
export function readEnv(env: Readonly<Record<string, string | undefined>>): EnvSettings {
  const errors: ConfigError[] = [];
  const get = (name: string): string | undefined => {
    const value = Object.hasOwn(env, name) ? env[name] : undefined;
    return value === undefined || value.trim() === '' ? undefined : value;
  };
  const secrets: { [K in SecretName]?: string } = {};
  for (const name of Object.keys(SECRET_NAMES) as SecretName[]) {
    const value = get(name);
    if (value !== undefined) secrets[name] = value;
  }
  if (secrets.SLACK_BOT_TOKEN?.startsWith('xapp-'))
    errors.push(swapped('SLACK_BOT_TOKEN', 'an app-level token', 'SLACK_APP_TOKEN'));
  if (secrets.SLACK_APP_TOKEN?.startsWith('xoxb-'))
    errors.push(swapped('SLACK_APP_TOKEN', 'a bot token', 'SLACK_BOT_TOKEN'));
  const url = (name: string): string | undefined => {
    const value = get(name)?.trim();
    if (value !== undefined && !isHttpUrl(value))
      errors.push({ path: formatPath(['env', name]), message: 'must be an http:// or https:// URL' });
    return value !== undefined && isHttpUrl(value) ? value : undefined;
  };
  const endpoints: { -readonly [K in keyof Endpoints]: Endpoints[K] } = {};
  for (const [name, key] of Object.entries(URL_VARIABLES)) {
    const value = url(name);
    if (value !== undefined) endpoints[key] = value;
  }
  const prometheusUrl = url('PROMETHEUS_URL');
  const database = get('SHIPLOCK_DB')?.trim();
  return {
    secrets,
    endpoints,
    ...(prometheusUrl === undefined ? {} : { prometheusUrl }),
    ...(database === undefined ? {} : { database }),
    errors,
  };
}

function swapped(name: SecretName, what: string, belongs: SecretName): ConfigError {
  return { path: `env.${name}`, message: `holds ${what}; it belongs in ${belongs}` };
}
