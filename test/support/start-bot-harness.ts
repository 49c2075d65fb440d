import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { createLogger } from '../../src/adapters/log/create-logger.ts';
import { type Bot, startBot } from '../../src/app/start-bot.ts';
import { parseConfig } from '../../src/config/parse-config.ts';
import type { Config } from '../../src/config/types.ts';
import { formatViolation, validateMessage } from '../../src/render/index.ts';
import { createGitHubStandIn, type GitHubStandIn, type StoredPull } from '../../src/sandbox/github/index.ts';
import { listenOnLoopback } from '../../src/sandbox/listen-on-loopback.ts';
import { createOpenAiStandIn, type OpenAiStandIn } from '../../src/sandbox/openai/index.ts';
import { createSlackStandIn, type SlackStandIn, type StoredMessage } from '../../src/sandbox/slack/index.ts';
import { type Answer, deliver } from '../integration/github-intake/support/post-webhook.ts';
import { example } from '../integration/github-intake/support/webhook-examples.ts';
import { forwardRequest } from './forward-request.ts';
import { type FakePrometheus, type FakeSeries, startFakePrometheus } from './start-fake-prometheus.ts';

export { textOf } from './text-of.ts';

/** A minute of the bot's clock (`advance`). */
export const MINUTE = 60_000;

/** The one repository the harness configures. */
export const REPO = 'acme/api';
/** Its deploy channel on the Slack stand-in. */
export const DEPLOY_CHANNEL = 'C0DEPLOYS1';
/** Humans known to Slack, GitHub and the config: alice writes changes, bob and carol approve. */
export const PEOPLE = {
  alice: { slack: 'U0ALICE01', github: 'alice' },
  bob: { slack: 'U0BOB0001', github: 'bob' },
  carol: { slack: 'U0CAROL01', github: 'carol' },
} as const;
export const WEBHOOK_SECRET = 'e2e-github-webhook-secret';
const SIGNING_SECRET = 'e2e-slack-signing-secret';
/** The route the reconciler lists open PRs with. */
const LIST_PULLS = 'GET /repos/{owner}/{repo}/pulls';

/** A unit-test script that writes a JUnit report of `tests` tests, `failures` of them failing. */
export function testScript(options: { readonly tests: number; readonly failures: number; readonly exit: number }) {
  const cases = Array.from({ length: options.tests }, (_, i) =>
    i < options.failures
      ? `<testcase classname="api" name="case ${i}"><failure message="boom ${i}"/></testcase>`
      : `<testcase classname="api" name="case ${i}"/>`,
  ).join('');
  return [
    '#!/bin/sh',
    // Evidence for the thread: where it ran (the sandbox's /workspace), the commit checked out, no secrets.
    'echo "cwd=$(pwd) head=$(cat .git/HEAD) token=$(printenv GITHUB_TOKEN || echo none) sha=$SHIPLOCK_SHA"',
    'mkdir -p reports',
    `cat > reports/junit.xml <<'EOF'`,
    `<testsuite name="api" tests="${options.tests}" failures="${options.failures}">${cases}</testsuite>`,
    'EOF',
    `exit ${options.exit}`,
    '',
  ].join('\n');
}

/** A commit made in the origin repository and pushed to its bare clone. */
export interface OriginCommit {
  readonly sha: string;
  /** `git diff` of the commit against its parent, what GitHub's diff media type serves. */
  readonly diff: string;
}

/** A real git repository whose bare clone is every PR's `clone_url` (`file://`). */
export interface Origin {
  readonly bare: string;
  /** Commits `files` on `branch` (created from `main` when new) and pushes it. */
  commit(branch: string, files: Readonly<Record<string, string>>, message: string): OriginCommit;
}

/** One run of a deploy script, as the script itself recorded its environment. */
export type DeployRun = Readonly<Record<string, string>>;

/** shiplock as `shiplock start` builds it, against the three local stand-ins. */
export interface BotHarness {
  readonly dir: string;
  readonly slack: SlackStandIn;
  readonly github: GitHubStandIn;
  readonly openai: OpenAiStandIn;
  readonly origin: Origin;
  /** The environment the bot is started with (secrets and stand-in endpoints). */
  readonly env: Readonly<Record<string, string>>;
  /** The running bot; throws before `start`. */
  readonly bot: Bot;
  /** The config parsed from the harness's shiplock.yml and `env` (plus `overrides`). */
  config(overrides?: Readonly<Record<string, string>>): Config;
  /** Starts the bot (on `port`, default 0) and points the Slack stand-in's interactions at it. */
  start(overrides?: Readonly<Record<string, string>>, port?: number): Promise<Bot>;
  /**
   * Starts the bot and waits until the reconciler's pass at start has listed the open PRs, so that
   * whatever the test opens afterwards reaches the bot only through a webhook.
   */
  startReconciled(): Promise<Bot>;
  /** Opens PR `number` by alice on the GitHub stand-in, its head the origin commit (no webhook). */
  openPullRequest(number: number, head: OriginCommit): StoredPull;
  /** Pushes `head` to PR `number` on the GitHub stand-in (no webhook). */
  push(number: number, head: OriginCommit): string;
  /** Stops the bot (it can be started again on the same database). */
  stop(): Promise<void>;
  /** Sends a signed `pull_request` delivery built from GitHub's recorded example for PR `number`. */
  sendPullRequest(
    action: 'opened' | 'synchronize',
    number: number,
    options?: { readonly deliveryId?: string; readonly secret?: string },
  ): Promise<Answer>;
  /** Every deploy script run so far, oldest first. */
  deploys(): DeployRun[];
  /** Every run of the health command (`verification.checks.command`), oldest first. */
  healthChecks(): DeployRun[];
  /** Makes the health command exit with `code` from now on (default 0). */
  setHealthExit(code: number): void;
  /** The fake Prometheus, when the harness was created with `prometheus`. */
  readonly prometheus: FakePrometheus | null;
  /** Moves the bot's clock forward: its timers come due as if that much time had passed. */
  advance(ms: number): void;
  /** Top-level messages of the deploy channel (the cards), oldest first. */
  cards(): readonly StoredMessage[];
  /**
   * `/shiplock <text>` from `user` in the deploy channel: expects the 200 answer, waits for the
   * shell, and returns the reply's text and its blocks as JSON (to match words in either).
   */
  slash(user: string, text: string): Promise<string>;
  /** Polls `probe` every 25 ms until it returns something, or throws after `ms`. */
  waitFor<T>(what: string, probe: () => T | undefined | null | false, ms?: number): Promise<T>;
  close(): Promise<void>;
}

const GIT_IDENTITY = ['-c', 'user.name=Alice', '-c', 'user.email=alice@example.com', '-c', 'commit.gpgsign=false'];

function createOrigin(base: string): Origin {
  const work = join(base, 'origin-work');
  const bare = join(base, 'origin.git');
  const git = (...args: string[]): string =>
    execFileSync('git', [...GIT_IDENTITY, ...args], { cwd: work, encoding: 'utf8' }).trim();
  execFileSync('git', ['init', '-q', '-b', 'main', work]);
  writeFileSync(join(work, 'README.md'), '# acme/api\n');
  git('add', '.');
  git('commit', '-qm', 'initial');
  execFileSync('git', ['clone', '-q', '--bare', work, bare]);
  return {
    bare,
    commit(branch, files, message) {
      const exists = git('branch', '--list', branch) !== '';
      git('checkout', '-q', ...(exists ? [branch] : ['-b', branch, 'main']));
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(dirname(join(work, path)), { recursive: true });
        writeFileSync(join(work, path), content);
      }
      git('add', '.');
      git('commit', '-qm', message);
      git('push', '-q', bare, branch);
      return { sha: git('rev-parse', 'HEAD'), diff: `${git('diff', 'HEAD~1', 'HEAD')}\n` };
    },
  };
}

/** Deploy scripts that append their `SHIPLOCK_*` environment (and any leaked secret) to a file. */
function writeDeployScripts(dir: string, record: string): void {
  mkdirSync(join(dir, 'deploy'));
  for (const stage of ['staging', 'canary', 'production', 'rollback']) {
    const path = join(dir, 'deploy', `${stage}.sh`);
    const body = [
      '#!/bin/sh',
      `{ env | grep -E '^(SHIPLOCK_|GITHUB_TOKEN|SLACK_BOT_TOKEN|OPENAI_API_KEY)' | sort; echo '--'; } >> '${record}'`,
      `echo "deployed $SHIPLOCK_SHA to ${stage}"`,
      'exit 0',
      '',
    ].join('\n');
    writeFileSync(path, body);
    chmodSync(path, 0o755);
  }
}

/** The health command: records its environment, then exits with the code in `health-exit` (0 without it). */
function writeHealthScript(dir: string, record: string): void {
  const path = join(dir, 'deploy', 'health.sh');
  const body = [
    '#!/bin/sh',
    `{ env | grep -E '^(SHIPLOCK_|GITHUB_TOKEN|SLACK_BOT_TOKEN|OPENAI_API_KEY)' | sort; echo '--'; } >> '${record}'`,
    `code=$(cat '${join(dir, 'health-exit')}' 2>/dev/null || echo 0)`,
    'echo "health of $SHIPLOCK_SHA: exit $code"',
    'exit "$code"',
    '',
  ].join('\n');
  writeFileSync(path, body);
  chmodSync(path, 0o755);
}

function configText(dir: string, verification: string): string {
  const { alice, bob, carol } = PEOPLE;
  return `version: 1
people:
  - { slack: ${alice.slack}, github: ${alice.github}, name: Alice }
  - { slack: ${bob.slack}, github: ${bob.github}, name: Bob }
  - { slack: ${carol.slack}, github: ${carol.github}, name: Carol }
time_lock: 20s
allow_short_time_lock: true
advisory_review:
  enabled: true
  model: stand-in-reviewer
sandbox: bubblewrap
database: ${join(dir, 'shiplock.db')}
work_dir: ${join(dir, 'work')}
repositories:
  - name: ${REPO}
    deploy_channel: ${DEPLOY_CHANNEL}
    gates:
      - id: unit
        kind: unit_tests
        command: sh ./test.sh
        junit: reports/junit.xml
        timeout: 1m
      - id: security
        kind: security_scanner
    approvals:
      required: 1
      approvers: [${bob.slack}, ${carol.slack}]
    deploy:
      staging: { command: ./deploy/staging.sh, timeout: 30s }
      canary: { command: ./deploy/canary.sh, timeout: 30s }
      production: { command: ./deploy/production.sh, timeout: 30s }
      rollback: { command: ./deploy/rollback.sh, timeout: 30s }
${verification}`;
}

function parseDeploys(text: string): DeployRun[] {
  return text
    .split('--\n')
    .filter((block) => block.trim() !== '')
    .map((block) =>
      Object.fromEntries(
        block
          .trim()
          .split('\n')
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      ),
    );
}

/** What may differ between harnesses. */
export interface BotHarnessOptions {
  /** Milliseconds the bot's GitHub requests wait before they reach the stand-in (a slow GitHub). */
  readonly githubLatency?: (method: string, path: string) => number;
  /** Starts a fake Prometheus answering with these series and sets PROMETHEUS_URL to it. */
  readonly prometheus?: FakeSeries;
  /** Configures `./deploy/health.sh` as the repository's health command (`verification.checks.command`). */
  readonly healthCommand?: boolean;
}

/**
 * A loopback proxy in front of the GitHub stand-in that delays requests: real HTTP, so the bot's
 * Octokit sees a slow GitHub exactly as it would see one.
 */
async function startSlowProxy(target: string, latency: (method: string, path: string) => number) {
  const server = createServer((req, res) => {
    const delay = latency(req.method ?? 'GET', req.url ?? '/');
    setTimeout(() => forwardRequest(`${target}${req.url ?? '/'}`, req, res), delay);
  });
  return listenOnLoopback(server);
}

/**
 * A temp directory with a real origin repository, deploy scripts and shiplock.yml; the Slack,
 * GitHub and OpenAI stand-ins; the bot itself starts with `start()` (so a test can prepare GitHub
 * first, or expect the start to be refused).
 */
export async function createBotHarness(options: BotHarnessOptions = {}): Promise<BotHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'shiplock-bot-'));
  const origin = createOrigin(dir);
  const record = join(dir, 'deploys.log');
  writeDeployScripts(dir, record);
  const healthRecord = join(dir, 'health.log');
  writeHealthScript(dir, healthRecord);
  const verification =
    options.healthCommand === true ? '    verification: { checks: { command: ./deploy/health.sh } }\n' : '';
  const yaml = configText(dir, verification);
  writeFileSync(join(dir, 'shiplock.yml'), yaml);
  const members = Object.values(PEOPLE).map((p) => p.slack);
  // The bot's clock (`advance`); Slack signs with the same one, as real Slack and the bot share real time.
  let offsetMs = 0;
  const slack = await createSlackStandIn({
    clock: () => Date.now() + offsetMs,
    signingSecret: SIGNING_SECRET,
    users: Object.entries(PEOPLE).map(([name, p]) => ({ id: p.slack, name })),
    channels: [{ id: DEPLOY_CHANNEL, name: 'deploys', members }],
    validate: (payload, surface) => validateMessage(payload, surface).map(formatViolation),
  });
  const github = await createGitHubStandIn({ cloneUrl: () => `file://${origin.bare}` });
  github.repository(REPO); // The repository exists on GitHub before any PR (an unknown one answers 404).
  const openai = await createOpenAiStandIn();
  const proxy = options.githubLatency === undefined ? null : await startSlowProxy(github.url, options.githubLatency);
  const prometheus = options.prometheus === undefined ? null : await startFakePrometheus(options.prometheus);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: slack.bot.token,
    GITHUB_WEBHOOK_SECRET: WEBHOOK_SECRET,
    GITHUB_TOKEN: github.token,
    OPENAI_API_KEY: openai.apiKey,
    SLACK_API_URL: slack.apiUrl,
    GITHUB_API_URL: proxy?.url ?? github.url,
    OPENAI_BASE_URL: `${openai.url}/v1`,
    ...(prometheus === null ? {} : { PROMETHEUS_URL: prometheus.url }),
  };
  let bot: Bot | null = null;
  const config = (overrides: Readonly<Record<string, string>> = {}): Config => {
    const parsed = parseConfig(yaml, { ...env, ...overrides });
    if (!parsed.ok) throw new Error(`harness config: ${JSON.stringify(parsed.errors)}`);
    return parsed.config;
  };
  const pulls = new Map<number, OriginCommit>();

  const harness: BotHarness = {
    dir,
    slack,
    github,
    openai,
    origin,
    env,
    get bot() {
      if (bot === null) throw new Error('harness: the bot is not started');
      return bot;
    },
    config,
    async start(overrides = {}, port = 0) {
      bot = await startBot({
        config: config(overrides),
        scriptDir: dir,
        env: { ...env, ...overrides },
        logger: createLogger(process.env.SHIPLOCK_TEST_LOG ?? 'silent'),
        clock: { now: () => Date.now() + offsetMs },
        port,
      });
      slack.setAppUrl(`${bot.url}/slack/events`);
      return bot;
    },
    async startReconciled() {
      const listed = github.callsTo(LIST_PULLS).length;
      const started = await harness.start();
      await harness.waitFor('the reconciler at start', () => github.callsTo(LIST_PULLS).length > listed);
      await started.shell.idle();
      return started;
    },
    async stop() {
      const running = harness.bot;
      bot = null;
      await running.stop();
    },
    openPullRequest(number, head) {
      pulls.set(number, head);
      return github.openPullRequest({
        repo: REPO,
        number,
        author: PEOPLE.alice.github,
        title: `Change ${number}`,
        body: 'A change for the e2e tests.',
        commits: [{ sha: head.sha, message: `change ${number}`, author: { login: PEOPLE.alice.github } }],
        diff: head.diff,
      });
    },
    push(number, head) {
      pulls.set(number, head);
      return github.push(REPO, number, {
        commits: [{ sha: head.sha, message: 'push', author: { login: PEOPLE.alice.github } }],
        diff: head.diff,
      });
    },
    async sendPullRequest(action, number, options = {}) {
      const head = pulls.get(number);
      if (head === undefined) throw new Error(`harness: PR ${number} was never opened`);
      const { payload } = example('pull_request', action);
      const [owner = '', name = ''] = REPO.split('/');
      const pr = payload.pull_request as Record<string, unknown>;
      const repository = payload.repository as Record<string, unknown>;
      const edited = {
        ...payload,
        number,
        repository: { ...repository, name, full_name: REPO, owner: { ...(repository.owner as object), login: owner } },
        pull_request: {
          ...pr,
          number,
          draft: false,
          state: 'open',
          title: `Change ${number}`,
          html_url: `https://github.com/${REPO}/pull/${number}`,
          user: { ...(pr.user as object), login: PEOPLE.alice.github },
          head: { ...(pr.head as object), sha: head.sha },
        },
      };
      const deliveryId = options.deliveryId ?? crypto.randomUUID();
      return deliver(
        `${harness.bot.url}/github/webhook`,
        options.secret ?? WEBHOOK_SECRET,
        'pull_request',
        deliveryId,
        edited,
      );
    },
    deploys: () => (existsSync(record) ? parseDeploys(readFileSync(record, 'utf8')) : []),
    healthChecks: () => (existsSync(healthRecord) ? parseDeploys(readFileSync(healthRecord, 'utf8')) : []),
    setHealthExit: (code) => writeFileSync(join(dir, 'health-exit'), `${code}\n`),
    prometheus,
    advance(ms) {
      offsetMs += ms;
    },
    cards: () => slack.messages(DEPLOY_CHANNEL),
    async slash(user, text) {
      const result = await slack.slashCommand({ user, channel: DEPLOY_CHANNEL, text });
      expect(result.status).toBe(200);
      await harness.bot.shell.idle();
      const reply = result.json as { text?: string; blocks?: unknown[] } | undefined;
      return `${reply?.text ?? ''}\n${JSON.stringify(reply?.blocks ?? [])}`;
    },
    async waitFor(what, probe, ms = 30_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = probe();
        if (found !== undefined && found !== null && found !== false) return found;
        if (Date.now() > deadline) throw new Error(`harness: timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async close() {
      if (bot !== null) {
        await bot.shell.idle();
        await bot.stop();
      }
      await Promise.all([slack.close(), github.close(), openai.close(), proxy?.close(), prometheus?.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
