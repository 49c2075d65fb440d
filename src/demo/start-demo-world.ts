import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createLogger } from '../adapters/log/create-logger.ts';
import { type Bot, startBot } from '../app/start-bot.ts';
import { formatConfigErrors, parseConfig } from '../config/index.ts';
import type { Config } from '../config/types.ts';
import { formatViolation, validateMessage } from '../render/index.ts';
import { createGitHubStandIn, type GitHubStandIn } from '../sandbox/github/index.ts';
import { createOpenAiStandIn, type OpenAiStandIn } from '../sandbox/openai/index.ts';
import { createSlackStandIn, type SlackStandIn } from '../sandbox/slack/index.ts';
import { createSampleOrigin, type SampleOrigin } from './create-sample-origin.ts';
import { DEMO_DIR } from './demo-paths.ts';
import { type DemoPrometheus, startDemoPrometheus } from './start-demo-prometheus.ts';
import { type SampleFleet, startSampleFleet } from './start-sample-fleet.ts';

/** The demo's one repository, its channel and its people (as in demo/shiplock.yml). */
export const DEMO_REPO = 'acme/slugs';
export const DEMO_PR = 1;
export const DEMO_CHANNEL = 'C0DEPLOYS1';
export const DEMO_PEOPLE = {
  alice: { slack: 'U0ALICE01', github: 'alice', name: 'Alice' },
  bob: { slack: 'U0BOB0001', github: 'bob', name: 'Bob' },
  carol: { slack: 'U0CAROL01', github: 'carol', name: 'Carol' },
} as const;

/** Where the demo runs and what it found on this machine. */
export interface DemoWorldOptions {
  /** PATH and HOME for git, the gates and the deploy scripts. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly sandbox: 'bubblewrap' | 'none';
  /** `binary`: the real Prometheus; `stand-in`: the demo's query_range stand-in. */
  readonly prometheus: 'binary' | 'stand-in';
  readonly logLevel: string;
  /** The Node binary the gates run the sample repository's tools with. */
  readonly nodePath: string;
  /** Registers what `close` must undo, as soon as it exists (Ctrl-C during the start). */
  readonly onCleanup: (step: () => Promise<unknown> | unknown) => void;
}

/** Everything the demo started: the stand-ins, the sample service, Prometheus and the bot. */
export interface DemoWorld {
  readonly dir: string;
  readonly stateDir: string;
  readonly config: Config;
  readonly origin: SampleOrigin;
  readonly slack: SlackStandIn;
  readonly github: GitHubStandIn;
  readonly openai: OpenAiStandIn;
  readonly service: SampleFleet;
  readonly prometheus: DemoPrometheus;
  readonly webhookSecret: string;
  readonly bot: Bot;
  /** Stops the bot once (later calls wait for the same stop). */
  stopBot(): Promise<void>;
}

const secret = (label: string) => `demo-${label}-${randomBytes(12).toString('hex')}`;

/** demo/shiplock.yml with its placeholders filled in. */
function demoConfigText(dir: string, sandbox: string, node: string): string {
  return readFileSync(join(DEMO_DIR, 'shiplock.yml'), 'utf8')
    .replaceAll('{{dir}}', dir)
    .replaceAll('{{sandbox}}', sandbox)
    .replaceAll('{{node}}', JSON.stringify(node));
}

/**
 * Starts the demo's world in a fresh temporary directory: the sample repository (real git), the
 * Slack, GitHub and OpenAI stand-ins, the sample service (its canary dark until deployed),
 * Prometheus scraping it, and the real bot (`startBot`, as `shiplock start` builds it) on an
 * embedded SQLite file. No pull request is open yet.
 */
export async function startDemoWorld(options: DemoWorldOptions): Promise<DemoWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'shiplock-demo-'));
  options.onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const stateDir = join(dir, 'state');
  mkdirSync(stateDir);
  // The sample service's process starts (tsx compiles it) while git and the stand-ins get ready.
  const fleet = startSampleFleet({ standIn: options.prometheus === 'stand-in' });
  fleet.catch(() => undefined); // Its failure is reported where it is awaited below.
  options.onCleanup(async () => (await fleet.catch(() => null))?.stop());
  const origin = createSampleOrigin(dir, join(DEMO_DIR, 'sample-repo'), join(DEMO_DIR, 'sample-change'));
  // Production runs main before the PR: the rollback script restores this.
  writeFileSync(join(stateDir, 'production.release'), `${origin.baseSha}\n`);
  const people = Object.values(DEMO_PEOPLE);
  const signingSecret = secret('slack-signing');
  const [slack, github, openai] = await Promise.all([
    createSlackStandIn({
      signingSecret,
      users: people.map((p) => ({ id: p.slack, name: p.name.toLowerCase(), realName: p.name })),
      channels: [{ id: DEMO_CHANNEL, name: 'deploys', members: people.map((p) => p.slack) }],
      validate: (payload, surface) => validateMessage(payload, surface).map(formatViolation),
    }),
    createGitHubStandIn({ cloneUrl: () => `file://${origin.bare}` }),
    createOpenAiStandIn(),
  ]);
  options.onCleanup(() => Promise.all([slack.close(), github.close(), openai.close()]));
  github.repository(DEMO_REPO);
  const service = await fleet;
  const prometheus = await startDemoPrometheus(service);
  options.onCleanup(() => prometheus.stop());

  const webhookSecret = secret('github-webhook');
  const env: Record<string, string> = {
    PATH: options.env.PATH ?? '/usr/bin:/bin',
    HOME: options.env.HOME ?? dir,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_BOT_TOKEN: slack.bot.token,
    GITHUB_WEBHOOK_SECRET: webhookSecret,
    GITHUB_TOKEN: github.token,
    OPENAI_API_KEY: openai.apiKey,
    SLACK_API_URL: slack.apiUrl,
    GITHUB_API_URL: github.url,
    OPENAI_BASE_URL: `${openai.url}/v1`,
    PROMETHEUS_URL: prometheus.url,
    DEMO_STATE_DIR: stateDir,
  };
  const parsed = parseConfig(demoConfigText(dir, options.sandbox, options.nodePath), env);
  if (!parsed.ok) throw new Error(`demo/shiplock.yml:\n${formatConfigErrors(parsed.errors)}`);
  const bot = await startBot({
    config: parsed.config,
    scriptDir: DEMO_DIR,
    env,
    logger: createLogger(options.logLevel, pino.destination(2)),
    port: 0,
  });
  let stopping: Promise<void> | null = null;
  const stopBot = () => {
    stopping ??= bot.stop();
    return stopping;
  };
  options.onCleanup(stopBot);
  slack.setAppUrl(`${bot.url}/slack/events`);
  return {
    dir,
    stateDir,
    config: parsed.config,
    origin,
    slack,
    github,
    openai,
    service,
    prometheus,
    webhookSecret,
    bot,
    stopBot,
  };
}
