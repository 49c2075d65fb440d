/**
 * Everything outside the bot for one crash case, all of which survives the bot's restarts: a temp
 * directory with shiplock.yml and the ledgering deploy script, the Slack and GitHub stand-ins and a
 * fake Prometheus on loopback, and the signed GitHub delivery that opens the pull request.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitHubStandIn, type GitHubStandIn } from '../../../src/sandbox/github/index.ts';
import { createSlackStandIn, type SlackStandIn } from '../../../src/sandbox/slack/index.ts';
import { type Answer, deliver } from '../github-intake/support/post-webhook.ts';
import { example } from '../github-intake/support/webhook-examples.ts';
import { type FakePrometheus, startFakePrometheus } from './start-fake-prometheus.ts';

export const REPO = 'acme/api';
export const PR_NUMBER = 1;
export const PR_KEY = `${REPO}#${PR_NUMBER}`;
export const DEPLOY_CHANNEL = 'C0DEPLOYS1';
export const PEOPLE = {
  alice: { slack: 'U0ALICE01', github: 'alice' },
  bob: { slack: 'U0BOB0001', github: 'bob' },
  carol: { slack: 'U0CAROL01', github: 'carol' },
} as const;
/** The named approvers who click Approve (both are needed). */
export const APPROVERS = [PEOPLE.bob.slack, PEOPLE.carol.slack] as const;
const SHA = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
const WEBHOOK_SECRET = 'crash-github-webhook-secret';
const SIGNING_SECRET = 'crash-slack-signing-secret';
const DIFF = `diff --git a/src/answer.js b/src/answer.js
new file mode 100644
--- /dev/null
+++ b/src/answer.js
@@ -0,0 +1 @@
+export const answer = 42;
`;

/**
 * The bot's clock and the stand-ins': `speed` times the wall clock from `t0` on. Lives of one case
 * share it, so a restart neither moves time back nor skips it.
 */
export interface SimClock {
  readonly t0: number;
  readonly speed: number;
  now(): number;
}

/** One crash case's outside world. */
export interface CrashWorld {
  readonly dir: string;
  readonly db: string;
  readonly ledger: string;
  readonly clock: SimClock;
  readonly slack: SlackStandIn;
  readonly github: GitHubStandIn;
  /** The child's environment (without the kill point). */
  readonly env: Readonly<Record<string, string>>;
  /** Sends the `pull_request opened` delivery, always with the same delivery id (a redelivery). */
  sendOpened(botUrl: string): Promise<Answer>;
  close(): Promise<void>;
}

/**
 * The fake deployer: one script for every stage that appends one line per run — stage, rollout,
 * idempotency key, epoch and the time on the bot's clock — and fsyncs the ledger before it exits
 * (coreutils `sync FILE`). Production stays up a little longer, so the bot can die while it runs.
 */
const DEPLOY_SCRIPT = `#!/bin/sh
now=$(date +%s%3N)
at=$(( CRASH_T0 + (now - CRASH_T0) * CRASH_SPEED ))
echo "$SHIPLOCK_STAGE $SHIPLOCK_ROLLOUT_ID $SHIPLOCK_IDEMPOTENCY_KEY $SHIPLOCK_EPOCH $at" >> "$CRASH_LEDGER"
sync "$CRASH_LEDGER"
if [ "$SHIPLOCK_STAGE" = production ]; then sleep 0.3; fi
echo "deployed $SHIPLOCK_SHA to $SHIPLOCK_STAGE"
`;

function configText(dir: string, prometheusUrl: string): string {
  const { alice, bob, carol } = PEOPLE;
  const deploy = '{ command: ./deploy.sh, timeout: 30s }';
  return `version: 1
people:
  - { slack: ${alice.slack}, github: ${alice.github}, name: Alice }
  - { slack: ${bob.slack}, github: ${bob.github}, name: Bob }
  - { slack: ${carol.slack}, github: ${carol.github}, name: Carol }
time_lock: 1m
canary:
  watch_interval: 3m
  prometheus_url: ${prometheusUrl}
advisory_review:
  enabled: false
sandbox: none
database: ${join(dir, 'shiplock.db')}
work_dir: ${join(dir, 'work')}
repositories:
  - name: ${REPO}
    deploy_channel: ${DEPLOY_CHANNEL}
    gates:
      - id: security
        kind: security_scanner
    approvals:
      required: 2
      approvers: [${bob.slack}, ${carol.slack}]
    deploy:
      staging: ${deploy}
      canary: ${deploy}
      production: ${deploy}
      rollback: ${deploy}
    verification:
      duration: 30s
      checks: { metrics: false, command: ./verify.sh, command_timeout: 30s }
`;
}

function openedPayload(): Record<string, unknown> {
  const { payload } = example('pull_request', 'opened');
  const [owner = '', name = ''] = REPO.split('/');
  const pr = payload.pull_request as Record<string, unknown>;
  const repository = payload.repository as Record<string, unknown>;
  return {
    ...payload,
    number: PR_NUMBER,
    repository: { ...repository, name, full_name: REPO, owner: { ...(repository.owner as object), login: owner } },
    pull_request: {
      ...pr,
      number: PR_NUMBER,
      draft: false,
      state: 'open',
      title: 'A change',
      html_url: `https://github.com/${REPO}/pull/${PR_NUMBER}`,
      user: { ...(pr.user as object), login: PEOPLE.alice.github },
      head: { ...(pr.head as object), sha: SHA },
    },
  };
}

/**
 * Production verification: a health command that passes (the rollout ends `deployed`) or fails (it
 * rolls back), as the case says. The metrics check is off: it needs a window of 12 minutes of bot
 * time (6 s here), and with the 30 s window every rollout rolled back (the 2026-11-24 runs).
 */
const verifyScript = (fails: boolean) =>
  `#!/bin/sh\n${fails ? 'echo "crash world: verification fails" >&2\nexit 1' : 'exit 0'}\n`;

/**
 * Creates the world of one case; `speed` is how much faster than the wall clock the bot's time runs,
 * `verifyFails` whether production verification fails.
 */
export async function createCrashWorld(options: {
  readonly speed: number;
  readonly verifyFails: boolean;
}): Promise<CrashWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'shiplock-crash-'));
  const t0 = Date.now();
  const clock: SimClock = { t0, speed: options.speed, now: () => t0 + (Date.now() - t0) * options.speed };
  const prometheus: FakePrometheus = await startFakePrometheus();
  writeFileSync(join(dir, 'shiplock.yml'), configText(dir, prometheus.url));
  writeFileSync(join(dir, 'deploy.sh'), DEPLOY_SCRIPT);
  chmodSync(join(dir, 'deploy.sh'), 0o755);
  writeFileSync(join(dir, 'verify.sh'), verifyScript(options.verifyFails));
  chmodSync(join(dir, 'verify.sh'), 0o755);
  const slack = await createSlackStandIn({
    signingSecret: SIGNING_SECRET,
    users: Object.entries(PEOPLE).map(([name, p]) => ({ id: p.slack, name })),
    channels: [{ id: DEPLOY_CHANNEL, name: 'deploys', members: Object.values(PEOPLE).map((p) => p.slack) }],
    clock: clock.now,
  });
  const github = await createGitHubStandIn();
  github.repository(REPO);
  github.openPullRequest({
    repo: REPO,
    number: PR_NUMBER,
    author: PEOPLE.alice.github,
    title: 'A change',
    body: 'A change for the crash suite.',
    commits: [{ sha: SHA, message: 'add the answer', author: { login: PEOPLE.alice.github } }],
    diff: DIFF,
  });
  const ledger = join(dir, 'ledger.txt');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? dir,
    ...(process.env.TMPDIR === undefined ? {} : { TMPDIR: process.env.TMPDIR }),
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: slack.bot.token,
    GITHUB_WEBHOOK_SECRET: WEBHOOK_SECRET,
    GITHUB_TOKEN: github.token,
    SLACK_API_URL: slack.apiUrl,
    GITHUB_API_URL: github.url,
    CRASH_DIR: dir,
    CRASH_T0: String(t0),
    CRASH_SPEED: String(options.speed),
    CRASH_LEDGER: ledger,
    ...(process.env.SHIPLOCK_TEST_LOG === undefined ? {} : { SHIPLOCK_TEST_LOG: process.env.SHIPLOCK_TEST_LOG }),
  };
  const payload = openedPayload();
  return {
    dir,
    db: join(dir, 'shiplock.db'),
    ledger,
    clock,
    slack,
    github,
    env,
    sendOpened: (botUrl) => deliver(`${botUrl}/github/webhook`, WEBHOOK_SECRET, 'pull_request', 'delivery-1', payload),
    async close() {
      await Promise.all([slack.close(), github.close(), prometheus.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
