import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebClient } from '@slack/web-api';
import type Database from 'better-sqlite3';
import { createAlertmanagerRoute } from '../../src/adapters/alertmanager/create-alertmanager-route.ts';
import { createLabelRolloutResolver } from '../../src/adapters/alertmanager/create-label-rollout-resolver.ts';
import { createStoreRolloutLookups } from '../../src/adapters/alertmanager/create-store-rollout-lookups.ts';
import { createFreezes, type Freezes } from '../../src/adapters/db/create-freezes.ts';
import { createRolloutIndex } from '../../src/adapters/db/create-rollout-index.ts';
import { createSqliteStore } from '../../src/adapters/db/create-sqlite-store.ts';
import { openDatabase } from '../../src/adapters/db/open-database.ts';
import { type RunningServer, startHttpServer } from '../../src/adapters/http/create-http-server.ts';
import { createLogger } from '../../src/adapters/log/create-logger.ts';
import { createAlertRefs } from '../../src/adapters/slack/create-alert-refs.ts';
import { createCardRefs } from '../../src/adapters/slack/create-card-refs.ts';
import { createReplyRoutes } from '../../src/adapters/slack/create-reply-routes.ts';
import { createSlackApp } from '../../src/adapters/slack/create-slack-app.ts';
import { createSlackNotifier } from '../../src/adapters/slack/create-slack-notifier.ts';
import { registerAppHome } from '../../src/adapters/slack/register-app-home.ts';
import { registerCardActions } from '../../src/adapters/slack/register-card-actions.ts';
import { registerSlashCommand } from '../../src/adapters/slack/register-slash-command.ts';
import { buildRiskSide } from '../../src/app/build-risk-side.ts';
import type { RiskConfig } from '../../src/config/types.ts';
import type { Event, Policy, Rollout } from '../../src/core/types.ts';
import { formatViolation, validateMessage } from '../../src/render/index.ts';
import { createSlackStandIn, type SeedChannel, type SlackStandIn } from '../../src/sandbox/slack/index.ts';
import { createShell, type Shell } from '../../src/shell/create-shell.ts';
import type { Store } from '../../src/shell/ports.ts';
import { createRecordingPorts, type PortCall } from '../fakes/create-recording-ports.ts';
import { POLICY, prAt, SHA_A } from './core-fixtures.ts';

/** The deploy channel of `acme/api` in the harness. */
export const DEPLOY_CHANNEL = 'C0DEPLOYS';
/** The alerts channel of `acme/api` in the harness (canary alert messages). */
export const ALERTS_CHANNEL = 'C0ALERTS';
/** The service whose canary alerts map to the newest active rollout of `acme/api#7`. */
export const HARNESS_SERVICE = 'web';
/** The users of the core fixtures: the author, two approvers, an outsider. */
export const HARNESS_USERS = ['UAUTHOR', 'UBOB', 'UCAROL', 'UDAVE'].map((id) => ({
  id,
  name: id.slice(1).toLowerCase(),
}));

/** shiplock's Slack side, wired as production wires it, against the local stand-in. */
export interface SlackHarness {
  readonly db: Database.Database;
  readonly store: Store;
  readonly slack: SlackStandIn;
  readonly shell: Shell;
  readonly freezes: Freezes;
  /** The Bolt app's endpoint: the real HTTPReceiver behind shiplock's timestamp guard. */
  readonly url: string;
  /** `POST /alertmanager/webhook` on the same server (no bearer token). */
  readonly alertmanagerUrl: string;
  /** Every call the fake ports (gates, deploys, canary…) received. */
  readonly calls: readonly PortCall[];
  /** The latest rollout of `acme/api#7`. */
  rollout(): Rollout;
  /** Opens `acme/api#7` and lets fake gates and deploys carry it to `awaiting_approval`; the card's ts. */
  openAwaitingApproval(): Promise<string>;
  close(): Promise<void>;
}

/** What may differ between harnesses. */
export interface SlackHarnessOptions {
  readonly secret: string;
  readonly extraChannels?: readonly SeedChannel[];
  /** Wraps how Slack handlers record events (the bench times it). Default: `shell.enqueue`. */
  readonly record?: (shell: Shell) => (event: Event) => void;
  /** Attaches the delegation-risk ledger as `shiplock start` does (issue #7). */
  readonly risk?: RiskConfig;
  /** The configured policy of `acme/api`; default the core fixtures' `POLICY`. */
  readonly policy?: Policy;
}

/**
 * Real SQLite file, real shell, real Bolt receiver with real signatures, the real WebClient against
 * the stand-in; gates and deploys are recording fakes. Used by the end-to-end tests and the bench.
 */
export async function startSlackHarness(options: SlackHarnessOptions): Promise<SlackHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'shiplock-slack-'));
  const db = openDatabase(join(dir, 'shiplock.db'));
  const logger = createLogger('silent');
  const policy: Policy = { ...(options.policy ?? POLICY), verificationMs: 0 };
  const risk =
    options.risk === undefined
      ? null
      : buildRiskSide({
          risk: options.risk,
          repositories: [{ name: 'acme/api', deployChannel: DEPLOY_CHANNEL }],
          db,
          store: createSqliteStore(db),
          configuredPolicy: () => policy,
          logger,
        });
  const store = risk?.store ?? createSqliteStore(db);
  const members = HARNESS_USERS.map((u) => u.id);
  const slack = await createSlackStandIn({
    signingSecret: options.secret,
    users: HARNESS_USERS,
    channels: [
      { id: DEPLOY_CHANNEL, name: 'deploys', members },
      { id: ALERTS_CHANNEL, name: 'deploy-alerts', members },
      ...(options.extraChannels ?? []),
    ],
    validate: (payload, surface) => validateMessage(payload, surface).map(formatViolation),
  });
  const policyFor = (): Policy => risk?.policyFor('acme/api') ?? policy;
  const replyRoutes = createReplyRoutes();
  const clock = { now: () => Date.now() };
  const client = new WebClient(slack.bot.token, { slackApiUrl: slack.apiUrl, rejectRateLimitedCalls: true });
  const refs = createCardRefs(db);
  const channelFor = (): string => DEPLOY_CHANNEL;
  const notifier = createSlackNotifier({
    client,
    refs,
    clock,
    policyFor,
    channelFor,
    replyChannel: replyRoutes.channel,
    alertRefs: createAlertRefs(db),
    alertsChannelFor: () => ALERTS_CHANNEL,
  });
  const { ports, calls } = createRecordingPorts();
  const freezes = createFreezes(db);
  const shell = createShell({
    store,
    ports: { ...ports, notifier, freezes },
    clock,
    policyFor,
    logger,
    retryBaseMs: 10,
  });
  const app = createSlackApp({
    signingSecret: options.secret,
    botToken: slack.bot.token,
    slackApiUrl: slack.apiUrl,
    logger,
    now: clock.now,
  });
  const handle = options.record?.(shell) ?? ((event: Event) => shell.enqueue(event));
  registerCardActions(app.app, { handle, clock, logger, replyRoutes });
  const reads = {
    store,
    rollouts: createRolloutIndex(db),
    freezes,
    policyFor,
    ...(risk === null ? {} : { risk: risk.commands }),
  };
  risk?.connect(async (channel, message) => {
    await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
  });
  registerSlashCommand(app.app, {
    ...reads,
    repoForChannel: (channel) => (channel === DEPLOY_CHANNEL ? 'acme/api' : null),
    isKnownRepo: (repo) => repo === 'acme/api',
    handle,
    clock,
    logger,
    replyRoutes,
  });
  registerAppHome(app.app, { ...reads, clock, logger });
  // What the composition passes once repositories name their service.
  const resolveRollout = createLabelRolloutResolver(
    createStoreRolloutLookups({ store, repoOfService: (s) => (s === HARNESS_SERVICE ? 'acme/api' : null) }),
  );
  const alertmanager = createAlertmanagerRoute({ resolveRollout, handle: (e) => shell.handle(e), clock, logger });
  const server: RunningServer = await startHttpServer({
    '/slack/events': app.requestListener ?? (() => undefined),
    '/alertmanager/webhook': alertmanager,
  });
  const url = `${server.url}/slack/events`;
  slack.setAppUrl(url);

  const rollout = (): Rollout => {
    const r = store.loadPullRequest('acme/api#7')?.rollouts.at(-1);
    if (r === undefined) throw new Error('harness: no rollout');
    return r;
  };
  // Clicks are acknowledged before Bolt dispatches them: "idle" waits for Bolt, then for the shell.
  const idle = async (): Promise<void> => {
    await app.idle();
    await shell.idle();
  };
  return {
    db,
    store,
    slack,
    shell: { ...shell, idle },
    freezes,
    url,
    alertmanagerUrl: `${server.url}/alertmanager/webhook`,
    calls,
    rollout,
    async openAwaitingApproval() {
      shell.handle({ type: 'PullRequestOpened', at: Date.now(), pr: prAt(SHA_A), rolloutId: 'r1' });
      await shell.idle();
      const ts = slack.messages(DEPLOY_CHANNEL)[0]?.ts;
      if (rollout().phase !== 'awaiting_approval' || ts === undefined) {
        throw new Error(`harness: expected a card awaiting approval, got ${rollout().phase}`);
      }
      return ts;
    },
    async close() {
      await app.stop();
      shell.stop();
      await shell.idle();
      await server.close();
      await slack.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
