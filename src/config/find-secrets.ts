import { formatPath, type PathSegment } from './format-path.ts';
import { findSecretPattern, SECRET_KEY } from './secret-patterns.ts';
import type { ConfigError, SecretName } from './types.ts';

const ENV_LIST =
  'SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_APP_TOKEN, GITHUB_TOKEN, GITHUB_WEBHOOK_SECRET, OPENAI_API_KEY, PROMETHEUS_TOKEN';

/**
 * Finds credentials written into the configuration document: any key named like a secret (token,
 * secret, password, api_key, private_key, credential) and any string that looks like a Slack,
 * GitHub or OpenAI credential, a PEM private key or a URL with a password. Secrets belong in the
 * environment; the error names the variable and never repeats the value.
 */
export function findSecrets(value: unknown): ConfigError[] {
  const errors: ConfigError[] = [];
  walk(value, [], errors);
  return errors;
}

function walk(value: unknown, path: PathSegment[], errors: ConfigError[]): void {
  if (typeof value === 'string') {
    const found = findSecretPattern(value);
    if (found !== undefined)
      errors.push({ path: formatPath(path), message: valueMessage(found.label, found.env, path) });
    return;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) walk(item, [...path, index], errors);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, item] of Object.entries(value)) {
    const keyShape = findSecretPattern(key);
    if (keyShape !== undefined) {
      errors.push({ path: formatPath([...path, key]), message: valueMessage(keyShape.label, keyShape.env, path) });
    } else if (SECRET_KEY.test(key)) {
      errors.push({ path: formatPath([...path, key]), message: keyMessage([...path, key]) });
    } else {
      walk(item, [...path, key], errors);
    }
  }
}

function valueMessage(label: string, env: SecretName | null, path: readonly PathSegment[]): string {
  const target = env ?? envForPath(path);
  const where = target === null ? `the environment (${ENV_LIST})` : `the environment variable ${target}`;
  return `looks like ${label}: secrets are read only from the environment, never from shiplock.yml; move it to ${where} (see .env.example). The value is not shown here.`;
}

function keyMessage(path: readonly PathSegment[]): string {
  const target = envForPath(path);
  const where = target === null ? `the environment (${ENV_LIST})` : `the environment variable ${target}`;
  return `secrets are read only from the environment, never from shiplock.yml: remove this key and set ${where} instead (see .env.example).`;
}

/** The environment variable a secret-named key most likely meant, from the words in its path. */
function envForPath(path: readonly PathSegment[]): SecretName | 'PROMETHEUS_URL' | null {
  const words = path
    .filter((s): s is string => typeof s === 'string')
    .join('_')
    .toLowerCase();
  if (words.includes('signing')) return 'SLACK_SIGNING_SECRET';
  if (words.includes('webhook')) return 'GITHUB_WEBHOOK_SECRET';
  if (words.includes('app_token') || words.includes('apptoken') || words.includes('socket')) return 'SLACK_APP_TOKEN';
  if (words.includes('openai') || words.includes('advisory') || /api[_-]?key/.test(words)) return 'OPENAI_API_KEY';
  if (words.includes('github')) return 'GITHUB_TOKEN';
  if (words.includes('slack') || words.includes('bot')) return 'SLACK_BOT_TOKEN';
  // A URL with a password belongs in PROMETHEUS_URL; a token, password or key in PROMETHEUS_TOKEN.
  if (words.includes('prometheus')) return words.includes('url') ? 'PROMETHEUS_URL' : 'PROMETHEUS_TOKEN';
  return null;
}
