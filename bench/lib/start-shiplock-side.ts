import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { WebClient } from '@slack/web-api';
import { createSqliteStore } from '../../src/adapters/db/create-sqlite-store.ts';
import { openDatabase } from '../../src/adapters/db/open-database.ts';
import { startHttpServer } from '../../src/adapters/http/create-http-server.ts';
import { createLogger } from '../../src/adapters/log/create-logger.ts';
import { createCardRefs } from '../../src/adapters/slack/create-card-refs.ts';
import { createReplyRoutes } from '../../src/adapters/slack/create-reply-routes.ts';
import { createSlackApp } from '../../src/adapters/slack/create-slack-app.ts';
import { createSlackNotifier } from '../../src/adapters/slack/create-slack-notifier.ts';
import { registerCardActions } from '../../src/adapters/slack/register-card-actions.ts';
import type { Policy, Rollout } from '../../src/core/types.ts';
import { formatViolation, validateMessage } from '../../src/render/index.ts';
import { createSlackStandIn, type SlackStandIn } from '../../src/sandbox/slack/index.ts';
import { createShell } from '../../src/shell/create-shell.ts';
import { createRecordingPorts } from '../../test/fakes/create-recording-ports.ts';
import { POLICY, prAt, SHA_A } from '../../test/support/core-fixtures.ts';

export const BENCH_CHANNEL = 'C0DEPLOYS';
export const BENCH_SECRET = 'bench-signing-secret';
const USERS = ['UAUTHOR', 'UBOB', 'UCAROL', 'UDAVE'].map((id) => ({ id, name: id.slice(1).toLowerCase() }));
const policy: Policy = { ...POLICY, verificationMs: 0 };

/** shiplock's real Slack path (as in test/e2e/slack-card-flow.test.ts), ready to take approve clicks. */
export interface ShiplockSide {
  readonly slack: SlackStandIn;
  /** `POST` target: the real Bolt HTTPReceiver behind shiplock's timestamp guard. */
  readonly url: string;
  /** The card's `ts` in the stand-in channel. */
  readonly cardTs: string;
  /** Synchronous time spent in `shell.enqueue` per click (the batch commits after the ack), in ms. */
  readonly handleMs: number[];
  rollout(): Rollout;
  eventCount(): number;
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the stand-in, the shell on a temp SQLite file and the Bolt app; opens a PR to `awaiting_approval`. */
export async function startShiplockSide(): Promise<ShiplockSide> {
  const dir = mkdtempSync(join(tmpdir(), 'shiplock-bench-'));
  const db = openDatabase(join(dir, 'shiplock.db'));
  const store = createSqliteStore(db);
  const slack = await createSlackStandIn({
    signingSecret: BENCH_SECRET,
    users: USERS,
    channels: [{ id: BENCH_CHANNEL, name: 'deploys', members: USERS.map((u) => u.id) }],
    validate: (payload, surface) => validateMessage(payload, surface).map(formatViolation),
  });
  const logger = createLogger('silent');
  const replyRoutes = createReplyRoutes();
  const clock = { now: () => Date.now() };
  const client = new WebClient(slack.bot.token, { slackApiUrl: slack.apiUrl, rejectRateLimitedCalls: true });
  const notifier = createSlackNotifier({
    client,
    refs: createCardRefs(db),
    clock,
    policyFor: () => policy,
    channelFor: () => BENCH_CHANNEL,
    replyChannel: replyRoutes.channel,
  });
  const { ports } = createRecordingPorts();
  const shell = createShell({ store, ports: { ...ports, notifier }, clock, policyFor: () => policy, logger });
  const app = createSlackApp({
    signingSecret: BENCH_SECRET,
    botToken: slack.bot.token,
    slackApiUrl: slack.apiUrl,
    logger,
    now: clock.now,
  });
  const handleMs: number[] = [];
  const handle = (event: Parameters<typeof shell.handle>[0]): void => {
    const started = performance.now();
    try {
      shell.enqueue(event); // as production wires it: a burst of clicks is one transaction
    } finally {
      handleMs.push(performance.now() - started);
    }
  };
  registerCardActions(app.app, { handle, clock, logger, replyRoutes });
  const server = await startHttpServer({ '/slack/events': app.requestListener ?? (() => undefined) });
  const url = `${server.url}/slack/events`;
  slack.setAppUrl(url);

  const rollout = (): Rollout => {
    const r = store.loadPullRequest('acme/api#7')?.rollouts.at(-1);
    if (r === undefined) throw new Error('bench: no rollout');
    return r;
  };
  shell.handle({ type: 'PullRequestOpened', at: Date.now(), pr: prAt(SHA_A), rolloutId: 'r1' });
  await shell.idle();
  const cardTs = slack.messages(BENCH_CHANNEL)[0]?.ts;
  if (rollout().phase !== 'awaiting_approval' || cardTs === undefined) {
    throw new Error(`bench: expected a card awaiting approval, got phase ${rollout().phase}`);
  }
  const countEvents = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM events');
  return {
    slack,
    url,
    cardTs,
    handleMs,
    rollout,
    eventCount: () => countEvents.get()?.n ?? 0,
    idle: () => shell.idle(),
    close: async () => {
      shell.stop();
      await shell.idle();
      await server.close();
      await slack.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
