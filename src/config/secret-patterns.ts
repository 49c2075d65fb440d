import type { SecretName } from './types.ts';

/** A kind of credential recognised in text, and where it belongs instead. */
export interface SecretPattern {
  readonly label: string;
  readonly pattern: RegExp;
  /** The environment variable it belongs in, when shiplock has one. */
  readonly env: SecretName | null;
}

const EDGE = '(?<![A-Za-z0-9])';

/**
 * Credential shapes that must never sit in shiplock.yml. Prefixes per vendor documentation:
 * Slack token types (https://api.slack.com/concepts/token-types), GitHub token prefixes
 * (https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/).
 */
export const SECRET_PATTERNS: readonly SecretPattern[] = [
  { label: 'a Slack app-level token', pattern: new RegExp(`${EDGE}xapp-[A-Za-z0-9-]{8,}`), env: 'SLACK_APP_TOKEN' },
  { label: 'a Slack token', pattern: new RegExp(`${EDGE}xox[abpe]-[A-Za-z0-9-]{8,}`), env: 'SLACK_BOT_TOKEN' },
  {
    label: 'a GitHub token',
    pattern: new RegExp(`${EDGE}(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\\w{20,})`),
    env: 'GITHUB_TOKEN',
  },
  { label: 'an OpenAI API key', pattern: new RegExp(`${EDGE}sk-[A-Za-z0-9_-]{20,}`), env: 'OPENAI_API_KEY' },
  { label: 'a PEM private key', pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/, env: null },
  { label: 'a URL with a password', pattern: /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i, env: null },
];

/** Key names that announce a secret, wherever they appear. */
export const SECRET_KEY = /token|secret|passw(?:or)?d|api[_-]?key|private[_-]?key|credential/i;

/** The first credential shape found in `text`, if any. */
export function findSecretPattern(text: string): SecretPattern | undefined {
  return SECRET_PATTERNS.find((p) => p.pattern.test(text));
}
