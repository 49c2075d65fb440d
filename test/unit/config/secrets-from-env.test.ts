import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { requireSecrets } from '../../../src/config/require-secrets.ts';
import { configErrors, minimalDocument, validConfig } from './minimal-config.ts';

const TEXT = stringify(minimalDocument());

describe('secrets from the environment', () => {
  it('keeps every set secret, drops empty ones and ignores unrelated variables', () => {
    const config = validConfig(TEXT, {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 's3cret',
      SLACK_APP_TOKEN: '',
      GITHUB_TOKEN: 'gh-test',
      GITHUB_WEBHOOK_SECRET: '  ',
      OPENAI_API_KEY: 'key',
      HOME: '/root',
    });
    expect(config.secrets).toEqual({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 's3cret',
      GITHUB_TOKEN: 'gh-test',
      OPENAI_API_KEY: 'key',
    });
  });

  it('refuses a Slack app token and bot token swapped, without echoing either', () => {
    const errors = configErrors(TEXT, { SLACK_BOT_TOKEN: 'xapp-1-A-very-secret', SLACK_APP_TOKEN: 'xoxb-very-secret' });
    expect(errors.map((e) => e.path)).toEqual(['env.SLACK_BOT_TOKEN', 'env.SLACK_APP_TOKEN']);
    expect(JSON.stringify(errors)).not.toContain('very-secret');
  });

  it('refuses API URLs that are not http(s)', () => {
    const errors = configErrors(TEXT, {
      GITHUB_API_URL: 'ftp://x',
      OPENAI_BASE_URL: 'localhost:11434',
      PROMETHEUS_URL: 'http://ok:9090',
    });
    expect(errors.map((e) => e.path)).toEqual(['env.GITHUB_API_URL', 'env.OPENAI_BASE_URL']);
  });

  it('does not read inherited properties of the env object', () => {
    const env = Object.create({ SLACK_BOT_TOKEN: 'xoxb-inherited' }) as Record<string, string>;
    expect(validConfig(TEXT, env).secrets).toEqual({});
  });
});

describe('requireSecrets', () => {
  const config = validConfig(TEXT, { SLACK_BOT_TOKEN: 'xoxb-test', GITHUB_TOKEN: 'gh-test' });

  it('is empty when every named secret is set', () => {
    expect(requireSecrets(config, ['SLACK_BOT_TOKEN', 'GITHUB_TOKEN'])).toEqual([]);
  });

  it('names each missing secret once, with what it is for', () => {
    const errors = requireSecrets(config, [
      'SLACK_SIGNING_SECRET',
      'GITHUB_TOKEN',
      'GITHUB_WEBHOOK_SECRET',
      'SLACK_SIGNING_SECRET',
    ]);
    expect(errors.map((e) => e.path)).toEqual(['env.SLACK_SIGNING_SECRET', 'env.GITHUB_WEBHOOK_SECRET']);
    expect(errors[0]?.message).toMatch(/^is not set: it holds the Slack signing secret .*\.env\.example/);
  });
});
