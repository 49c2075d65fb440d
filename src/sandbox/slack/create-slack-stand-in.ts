import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { clickButton } from './click-button.ts';
import { closeView } from './close-view.ts';
import { createRateLimiter } from './create-rate-limiter.ts';
import { createRequestListener } from './create-request-listener.ts';
import { createResponseUrls } from './create-response-urls.ts';
import { createTriggerIds, TRIGGER_TTL_MS } from './create-trigger-ids.ts';
import { createTsSource } from './create-ts-source.ts';
import { createWorkspace } from './create-workspace.ts';
import {
  DEFAULT_BOT,
  DEFAULT_CHANNELS,
  DEFAULT_SIGNING_SECRET,
  DEFAULT_TEAM,
  DEFAULT_USER_GROUPS,
  DEFAULT_USERS,
} from './default-seed.ts';
import type { ApiState } from './handle-api-request.ts';
import { openAppHome } from './open-app-home.ts';
import { sendSigned } from './send-signed.ts';
import { sendSlashCommand } from './send-slash-command.ts';
import type { SlackStandIn, SlackStandInOptions } from './slack-stand-in.ts';
import type { StandInContext } from './stand-in-context.ts';
import { submitView } from './submit-view.ts';
import type { RecordedCall } from './types.ts';

/**
 * Starts a local Slack stand-in on 127.0.0.1 (never 0.0.0.0) on an ephemeral port: the Web API
 * methods shiplock calls, answered as Slack documents them, Block Kit limits enforced, every call
 * recorded; and a user's side, delivering signed interactions to the bot. Sandbox only.
 */
export async function createSlackStandIn(options: SlackStandInOptions = {}): Promise<SlackStandIn> {
  const clock = options.clock ?? Date.now;
  const bot = { ...DEFAULT_BOT, ...options.bot };
  const workspace = createWorkspace({
    team: options.team ?? DEFAULT_TEAM,
    bot,
    users: options.users ?? DEFAULT_USERS,
    channels: options.channels ?? DEFAULT_CHANNELS,
    userGroups: options.userGroups ?? DEFAULT_USER_GROUPS,
    createdAt: clock(),
  });
  const calls: RecordedCall[] = [];
  const limiter = createRateLimiter(clock, options.rateLimits);
  const latency = new Map(Object.entries(options.latency ?? {}));
  const state: { context?: StandInContext } = {};
  const apiState: ApiState = {
    get context() {
      if (state.context === undefined) throw new Error('slack stand-in: not listening yet');
      return state.context;
    },
    limiter,
    latency,
    calls,
    tokens: new Set([bot.token, ...(options.extraTokens ?? [])]),
  };
  const server = createServer(createRequestListener(apiState));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let appUrl = options.appUrl;
  const context: StandInContext = {
    workspace,
    clock,
    ts: createTsSource(clock),
    triggers: createTriggerIds(clock, options.triggerTtlMs ?? TRIGGER_TTL_MS),
    responseUrls: createResponseUrls(clock),
    validate: options.validate,
    baseUrl: url,
    permalinkBase: options.permalinkBase ?? url,
    signingSecret: options.signingSecret ?? DEFAULT_SIGNING_SECRET,
    verificationToken: options.verificationToken ?? 'sandbox-verification-token',
    get appUrl() {
      return appUrl;
    },
  };
  state.context = context;
  const visible = <T extends { deleted: boolean }>(items: readonly T[]): T[] => items.filter((item) => !item.deleted);
  return {
    url,
    apiUrl: `${url}/api/`,
    team: workspace.team,
    bot,
    signingSecret: context.signingSecret,
    calls,
    channels: workspace.channels,
    users: workspace.users,
    userGroups: workspace.userGroups,
    ephemerals: workspace.ephemerals,
    orphans: workspace.orphans,
    views: workspace.views,
    callsTo: (method) => calls.filter((call) => call.method === method),
    messages: (channel) => visible(workspace.findChannel(channel)?.messages ?? []),
    message: (channel, ts) => workspace.findMessage(workspace.findChannel(channel)?.id ?? channel, ts),
    thread: (channel, ts) =>
      visible(workspace.findMessage(workspace.findChannel(channel)?.id ?? channel, ts)?.replies ?? []),
    ephemeralsFor: (user, channel) =>
      visible(workspace.ephemerals).filter(
        (item) => item.user === user && (channel === undefined || item.channel === channel),
      ),
    homeView: (user) => workspace.views.get(workspace.homeViews.get(user) ?? ''),
    openModals: (user) =>
      [...workspace.views.values()].filter((view) => view.type === 'modal' && view.open && view.user === user),
    issueTriggerId: (user) => context.triggers.issue(user),
    failNext: (method, failure) => limiter.failNext(method, failure),
    setLatency: (method, ms) => (ms === undefined ? latency.delete(method) : latency.set(method, ms)),
    setRateLimit: (method, limit) => limiter.setLimit(method, limit),
    setAppUrl: (next) => {
      appUrl = next;
    },
    clickButton: (click) => clickButton(context, click),
    submitView: (submission) => submitView(context, submission),
    closeView: (closing) => closeView(context, closing),
    slashCommand: (command) => sendSlashCommand(context, command),
    openAppHome: (opening) => openAppHome(context, opening),
    deliver: (delivery) => sendSigned(context, delivery, delivery.body, delivery.contentType),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
