import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/parse-config.ts';
import { configErrors, type Doc, documentWith, pathsOf } from './minimal-config.ts';

const repo = (doc: Doc) => doc.repositories[0];

// Built at run time so that this file holds no literal credential for scanners to flag.
const fake = (prefix: string, length = 36) => `${prefix}${'A1b2C3d4'.repeat(8).slice(0, length)}`;
const SLACK_BOT = fake('xoxb-', 40);
const SLACK_USER = fake('xoxp-', 40);
const SLACK_APP = fake('xapp-', 40);
const PEM = ['-----BEGIN RSA PRIVATE KEY-----', 'MIIEpAIBAAKCAQEA', '-----END RSA PRIVATE KEY-----'].join('\n');

/** Each credential shape, and the environment variable the error must name. */
const VALUES: readonly [label: string, value: string, env: string][] = [
  ['Slack bot token', SLACK_BOT, 'SLACK_BOT_TOKEN'],
  ['Slack user token', SLACK_USER, 'SLACK_BOT_TOKEN'],
  ['Slack app-level token', SLACK_APP, 'SLACK_APP_TOKEN'],
  ['GitHub personal token', fake('ghp_'), 'GITHUB_TOKEN'],
  ['GitHub OAuth token', fake('gho_'), 'GITHUB_TOKEN'],
  ['GitHub app installation token', fake('ghs_'), 'GITHUB_TOKEN'],
  ['GitHub user-to-server token', fake('ghu_'), 'GITHUB_TOKEN'],
  ['GitHub refresh token', fake('ghr_'), 'GITHUB_TOKEN'],
  ['GitHub fine-grained token', fake('github_pat_', 60), 'GITHUB_TOKEN'],
  ['OpenAI key', fake('sk-', 40), 'OPENAI_API_KEY'],
  ['OpenAI project key', fake('sk-proj-', 40), 'OPENAI_API_KEY'],
];

describe('a secret value written into shiplock.yml', () => {
  it.each(VALUES)('%s is refused with its path and variable, and never echoed', (_label, value, env) => {
    const errors = configErrors(
      documentWith((d) => (repo(d).deploy.production.command = `deploy.sh --token ${value}`)),
    );
    expect(pathsOf(errors)).toEqual(['repositories[0].deploy.production.command']);
    expect(errors[0]?.message).toContain(env);
    expect(errors[0]?.message).toContain('environment');
    expect(JSON.stringify(errors)).not.toContain(value);
    expect(JSON.stringify(errors)).not.toContain(value.slice(0, 16));
  });

  it('refuses a PEM private key and never echoes it', () => {
    const errors = configErrors(documentWith((d) => (d.advisory_review = { model: PEM })));
    expect(errors).toEqual([
      expect.objectContaining({ path: 'advisory_review.model', message: expect.stringContaining('PEM private key') }),
    ]);
    expect(JSON.stringify(errors)).not.toContain('MIIEpAIBAAKCAQEA');
  });

  it('refuses a URL with a password and names PROMETHEUS_URL', () => {
    const errors = configErrors(
      documentWith((d) => (d.canary = { prometheus_url: 'https://admin:hunter2hunter2@prom.example' })),
    );
    expect(errors).toEqual([
      expect.objectContaining({ path: 'canary.prometheus_url', message: expect.stringContaining('PROMETHEUS_URL') }),
    ]);
    expect(JSON.stringify(errors)).not.toContain('hunter2');
  });

  it('finds a secret inside a list, in a key the schema does not know, and in a key', () => {
    const errors = configErrors(
      documentWith((d) => {
        repo(d).gates[0].command = ['curl', '-H', `Authorization: Bearer ${fake('ghp_')}`];
        d.extra = { note: SLACK_BOT };
        d.people.push({ [fake('ghp_')]: 'x' });
      }),
    );
    expect(pathsOf(errors)).toContain('repositories[0].gates[0].command[2]');
    expect(pathsOf(errors)).toContain('extra.note');
    expect(pathsOf(errors)).toContain('people[2][<redacted>]');
    expect(JSON.stringify(errors)).not.toMatch(/ghp_|xoxb-/);
  });

  it('does not mistake ordinary words for secrets', () => {
    const result = parseConfig(
      documentWith((d) => {
        repo(d).deploy.production.command = 'deploy --skip-tests && echo task-runner xoxo ghp_short';
        d.people[0].name = 'Sk-8 Boarder';
      }),
      {},
    );
    expect(result.ok).toBe(true);
  });
});

describe('a key named like a secret', () => {
  const KEYS: readonly [key: string, at: (d: Doc) => Doc, path: string, env: string][] = [
    ['slack_bot_token', (d) => d, 'slack_bot_token', 'SLACK_BOT_TOKEN'],
    ['signing_secret', (d) => d, 'signing_secret', 'SLACK_SIGNING_SECRET'],
    ['app_token', (d) => d, 'app_token', 'SLACK_APP_TOKEN'],
    ['github_token', (d) => d, 'github_token', 'GITHUB_TOKEN'],
    ['webhook_secret', (d) => d, 'webhook_secret', 'GITHUB_WEBHOOK_SECRET'],
    ['api_key', (d) => (d.advisory_review = {}), 'advisory_review.api_key', 'OPENAI_API_KEY'],
    ['prometheus_password', (d) => (d.canary = {}), 'canary.prometheus_password', 'PROMETHEUS_TOKEN'],
    [
      'bearer_token',
      (d) => (d.canary = { prometheus_url: 'http://prom:9090' }),
      'canary.bearer_token',
      'PROMETHEUS_TOKEN',
    ],
    ['prometheus_token', (d) => d, 'prometheus_token', 'PROMETHEUS_TOKEN'],
    ['password', (d) => d.people[0], 'people[0].password', 'SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET'],
    ['private_key', (d) => repo(d), 'repositories[0].private_key', 'SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET'],
  ];

  it.each(KEYS)('%s is refused at its path, naming where it belongs', (key, at, path, env) => {
    const errors = configErrors(documentWith((d) => (at(d)[key] = 'hunter2-is-my-password')));
    expect(pathsOf(errors)).toEqual([path]);
    expect(errors[0]?.message).toContain(env);
    expect(errors[0]?.message).not.toContain('unknown key');
    expect(JSON.stringify(errors)).not.toContain('hunter2');
  });

  it('is refused even when its value is empty or a reference', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell-style reference written into YAML, on purpose.
    const reference = '${GITHUB_TOKEN}';
    expect(pathsOf(configErrors(documentWith((d) => (d.GITHUB_TOKEN = reference))))).toEqual(['GITHUB_TOKEN']);
    const section = configErrors(documentWith((d) => (d.slack = { bot_token: '' })));
    expect(section.find((e) => e.path === 'slack.bot_token')?.message).toContain('SLACK_BOT_TOKEN');
    expect(section.find((e) => e.path === 'slack')?.message).toMatch(/^unknown key/);
  });
});

describe('YAML syntax errors never quote the source', () => {
  it('keeps a token on a broken line out of the message', () => {
    const errors = configErrors(`people: [\n  ${SLACK_BOT}\n`);
    expect(errors.length).toBeGreaterThan(0);
    expect(JSON.stringify(errors)).not.toContain(SLACK_BOT);
  });

  it('keeps a token used as an alias name out of the message', () => {
    const name = fake('ghp_');
    expect(JSON.stringify(configErrors(`a: *${name}\n`))).not.toContain(name);
  });
});
