import { WebClient } from '@slack/web-api';
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { Freezes } from '../adapters/db/create-freezes.ts';
import { createRolloutIndex } from '../adapters/db/create-rollout-index.ts';
import type { RunRecords } from '../adapters/db/create-run-records.ts';
import { ShiplockBootError } from '../adapters/db/shiplock-boot-error.ts';
import type { RiskCommands } from '../adapters/risk/create-risk-commands.ts';
import { createAlertRefs } from '../adapters/slack/create-alert-refs.ts';
import { createCardRefs } from '../adapters/slack/create-card-refs.ts';
import { createReplyRoutes, type ReplyRoutes } from '../adapters/slack/create-reply-routes.ts';
import { createSlackApp, type SlackApp } from '../adapters/slack/create-slack-app.ts';
import { createSlackNotifier, type SlackNotifier } from '../adapters/slack/create-slack-notifier.ts';
import { registerAppHome } from '../adapters/slack/register-app-home.ts';
import { registerCardActions } from '../adapters/slack/register-card-actions.ts';
import { registerSlashCommand } from '../adapters/slack/register-slash-command.ts';
import { findRepository } from '../config/find-repository.ts';
import type { Config } from '../config/types.ts';
import type { Event, Policy, Rollout, ThreadMessage } from '../core/types.ts';
import type { SlackMessage } from '../render/blocks.ts';
import type { Clock, Store } from '../shell/ports.ts';

/** What the Slack side is built from. */
export interface SlackSideOptions {
  readonly config: Config;
  readonly db: Database.Database;
  readonly store: Store;
  readonly freezes: Freezes;
  readonly records: RunRecords;
  readonly policyFor: (repo: string) => Policy;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly unsandboxed: boolean;
  /** The delegation-risk ledger for `/shiplock risk`, `/shiplock incident` and the Home tab. */
  readonly risk?: RiskCommands;
}

/** The Slack app and the notifier; handlers are registered once the shell exists. */
export interface SlackSide {
  readonly app: SlackApp;
  readonly notifier: SlackNotifier;
  /** Registers the buttons, `/shiplock` and App Home, recording events through `handle`. */
  register(handle: (event: Event) => void): void;
  /** Posts a message of shiplock's own (the risk warning) to a channel. */
  post(channel: string, message: SlackMessage): Promise<void>;
}

/**
 * Builds the Slack side and proves the bot token works (`auth.test`) before anything starts:
 * a revoked or mistyped token is a boot error that says what to do, not a silent bot.
 */
export async function buildSlackSide(options: SlackSideOptions): Promise<SlackSide> {
  const { config, db, store, freezes, records, policyFor, clock, logger } = options;
  const { secrets, endpoints } = config;
  const botToken = secrets.SLACK_BOT_TOKEN ?? '';
  const identity = await checkToken(botToken, endpoints.slackApiUrl);
  const app = createSlackApp({
    identity,
    signingSecret: secrets.SLACK_SIGNING_SECRET ?? '',
    botToken,
    ...(secrets.SLACK_APP_TOKEN === undefined ? {} : { appToken: secrets.SLACK_APP_TOKEN }),
    ...(endpoints.slackApiUrl === undefined ? {} : { slackApiUrl: endpoints.slackApiUrl }),
    logger,
    now: clock.now,
  });
  const client = new WebClient(botToken, {
    ...(endpoints.slackApiUrl === undefined ? {} : { slackApiUrl: endpoints.slackApiUrl }),
    rejectRateLimitedCalls: true,
  });
  const replyRoutes = createReplyRoutes();
  const channelFor = (repo: string) => findRepository(config, repo)?.deployChannel ?? '';
  const notifier = createSlackNotifier({
    client,
    refs: createCardRefs(db),
    clock,
    policyFor,
    channelFor,
    replyChannel: replyRoutes.channel,
    detailsFor: (rollout, message) => detailsOf(records, rollout, message),
    alertRefs: createAlertRefs(db),
    alertsChannelFor: (repo) => findRepository(config, repo)?.alertsChannel ?? channelFor(repo),
    cardSettings: { unsandboxed: options.unsandboxed },
  });
  const risk = options.risk;
  const register = (handle: (event: Event) => void) =>
    registerHandlers(app, {
      config,
      db,
      store,
      freezes,
      policyFor,
      clock,
      logger,
      replyRoutes,
      handle,
      ...(risk === undefined ? {} : { risk }),
    });
  return { app, notifier, register, post: notifier.post };
}

/** `auth.test` once, without the client's long retry schedule: a boot check must answer now. */
async function checkToken(
  botToken: string,
  slackApiUrl: string | undefined,
): Promise<{ botUserId: string; botId: string }> {
  const client = new WebClient(botToken, {
    ...(slackApiUrl === undefined ? {} : { slackApiUrl }),
    retryConfig: { retries: 0 },
    timeout: 10_000,
  });
  try {
    const answer = await client.auth.test();
    return { botUserId: answer.user_id ?? '', botId: answer.bot_id ?? '' };
  } catch (error) {
    const refused = (error as { data?: { error?: string } }).data?.error;
    if (refused !== undefined) {
      throw new ShiplockBootError(
        'shiplock_slack_auth',
        `Slack refused SLACK_BOT_TOKEN (${refused}): reinstall the app and copy the Bot User OAuth Token (xoxb-…) from "OAuth & Permissions".`,
      );
    }
    throw new ShiplockBootError(
      'shiplock_slack_unreachable',
      `could not reach Slack's Web API at ${slackApiUrl ?? 'https://slack.com/api/'} (${(error as Error).message}): check the network or SLACK_API_URL.`,
    );
  }
}

/** The run record behind a thread message: a gate's attempt or a deploy's epoch. */
function detailsOf(records: RunRecords, rollout: Rollout, message: ThreadMessage): string | null {
  if (message.kind === 'gate_finished') {
    const attempt = rollout.gates[message.gateId]?.attempt ?? 0;
    return records.find(rollout.id, 'gate', message.gateId, attempt)?.details ?? null;
  }
  if (message.kind === 'deploy_finished') {
    return records.find(rollout.id, 'deploy', message.stage, message.epoch)?.details ?? null;
  }
  return null;
}

interface HandlerDeps {
  readonly config: Config;
  readonly db: Database.Database;
  readonly store: Store;
  readonly freezes: Freezes;
  readonly policyFor: (repo: string) => Policy;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly replyRoutes: ReplyRoutes;
  readonly handle: (event: Event) => void;
  readonly risk?: RiskCommands;
}

function registerHandlers(slack: SlackApp, deps: HandlerDeps): void {
  const { config, handle, clock, logger, replyRoutes } = deps;
  registerCardActions(slack.app, { handle, clock, logger, replyRoutes });
  const reads = {
    store: deps.store,
    rollouts: createRolloutIndex(deps.db),
    freezes: deps.freezes,
    policyFor: deps.policyFor,
    ...(deps.risk === undefined ? {} : { risk: deps.risk }),
  };
  registerSlashCommand(slack.app, {
    ...reads,
    repoForChannel: (channel) =>
      config.repositories.find((r) => r.deployChannel === channel || r.alertsChannel === channel)?.name ?? null,
    isKnownRepo: (repo) => findRepository(config, repo) !== undefined,
    handle,
    clock,
    logger,
    replyRoutes,
  });
  registerAppHome(slack.app, { ...reads, clock, logger });
}
