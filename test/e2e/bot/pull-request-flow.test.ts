import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type BotHarness,
  createBotHarness,
  DEPLOY_CHANNEL,
  PEOPLE,
  REPO,
  testScript,
  textOf,
} from '../../support/start-bot-harness.ts';

/**
 * The whole bot as `shiplock start` builds it (`startBot`), end to end: signed GitHub webhooks into
 * the real HTTP server, gates in bubblewrap on a real git checkout, the real Slack, GitHub and
 * OpenAI clients against the local stand-ins, the operator's deploy scripts as real processes.
 */
let h: BotHarness;

beforeEach(async () => {
  h = await createBotHarness();
});

afterEach(() => h.close());

const GOOD_FILES = {
  'test.sh': testScript({ tests: 3, failures: 0, exit: 0 }),
  'src/app.js': 'export const answer = 42; // TODO: tidy up\n',
};

/** The route the inbox processor reads a PR back with before it starts a rollout. */
const READ_PR = 'GET /repos/{owner}/{repo}/pulls/{pull_number}';

const cardWith = (pattern: RegExp) => () => h.cards().find((m) => pattern.test(textOf(m)));

/** Opens PR #1 by webhook and waits until its rollout stopped at the canary; its rollout id. */
async function openToTheCanary(): Promise<string> {
  await h.startReconciled();
  const head = h.origin.commit('change-1', GOOD_FILES, 'add the answer');
  h.openPullRequest(1, head);
  expect((await h.sendPullRequest('opened', 1)).status).toBe(202);
  await h.waitFor('the card', cardWith(/inconclusive/));
  await h.bot.shell.idle();
  return h.deploys()[0]?.SHIPLOCK_ROLLOUT_ID ?? '';
}

describe('a pull request through the whole bot', () => {
  it('opened → gates, check runs, advisory review, staging and canary deploys, then stops at the canary', async () => {
    await h.startReconciled();
    const head = h.origin.commit('change-1', GOOD_FILES, 'add the answer');
    h.openPullRequest(1, head);
    const answer = await h.sendPullRequest('opened', 1);
    expect(answer.status).toBe(202);

    // No Prometheus in this harness: the canary is inconclusive, which blocks, and the card says why.
    await h.waitFor('the canary verdict on the card', cardWith(/inconclusive/));
    await h.bot.shell.idle();

    // One card in the deploy channel, updated in place.
    const cards = h.cards();
    expect(cards).toHaveLength(1);
    const card = cards[0];
    if (card === undefined) throw new Error('no card');
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === undefined)).toHaveLength(1);
    expect(h.slack.callsTo('chat.update').length).toBeGreaterThan(1);
    const text = textOf(card);
    expect(text).toContain(`${REPO} #1`);
    expect(text).toContain(head.sha.slice(0, 7));
    expect(text).toContain('passed *Unit tests*');
    expect(text).toContain('passed *Security scanner*');
    expect(text).toContain('3 tests passed');
    // The advisory review came from the OpenAI stand-in and is labelled advisory.
    expect(text).toContain('advisory — cannot block or approve');
    expect(text).toMatch(/Reviewed \d+ added lines in \d+ files; 1 TODO markers/);
    expect(text).toMatch(/Staging\*.*succeeded/);
    expect(text).toMatch(/Canary\*.*succeeded/);
    expect(text).toMatch(/no Prometheus is configured/);
    expect(text).not.toMatch(/Approve/);

    // Commit authors were read from GitHub before the rollout started.
    expect(h.github.callsTo('GET /repos/{owner}/{repo}/pulls/{pull_number}/commits').length).toBeGreaterThan(0);

    // Gate details in the card's thread: the unit gate ran in the sandbox, on the exact commit, without secrets.
    const thread = h.slack
      .thread(DEPLOY_CHANNEL, card.ts)
      .map((m) => textOf(m))
      .join('\n');
    expect(thread).toContain(`cwd=/workspace head=${head.sha} token=none sha=${head.sha}`);
    expect(thread).toMatch(/Security scanner/);

    // One check run per gate on GitHub, each a success.
    const runs = h.github.checkRuns(REPO, head.sha).filter((r) => r.app === 'token');
    expect(runs.map((r) => [r.name, r.status, r.conclusion]).sort()).toEqual([
      ['shiplock / Security scanner', 'completed', 'success'],
      ['shiplock / Unit tests', 'completed', 'success'],
    ]);

    // The reviewer asked the OpenAI stand-in with the diff.
    const chats = h.openai.chatRequests();
    expect(chats).toHaveLength(1);
    expect(chats[0]?.model).toBe('stand-in-reviewer');
    expect(chats[0]?.messages.map((m) => m.content).join('\n')).toContain('TODO: tidy up');

    // Staging then canary ran with the DESIGN.md contract and none of shiplock's secrets.
    const runsOfScripts = h.deploys();
    expect(runsOfScripts.map((d) => d.SHIPLOCK_STAGE)).toEqual(['staging', 'canary']);
    const rolloutId = runsOfScripts[0]?.SHIPLOCK_ROLLOUT_ID ?? '';
    expect(rolloutId).toMatch(/^r-[0-9a-f]{10}$/);
    expect(text).toContain(rolloutId);
    for (const [i, stage] of ['staging', 'canary'].entries()) {
      const run = runsOfScripts[i] ?? {};
      expect(run).toEqual({
        SHIPLOCK_ROLLOUT_ID: rolloutId,
        SHIPLOCK_REPO: REPO,
        SHIPLOCK_PR: '1',
        SHIPLOCK_SHA: head.sha,
        SHIPLOCK_STAGE: stage,
        SHIPLOCK_ENVIRONMENT: stage,
        SHIPLOCK_IDEMPOTENCY_KEY: expect.stringContaining(rolloutId),
        SHIPLOCK_EPOCH: expect.stringMatching(/^\d+$/),
      });
    }

    // GitHub Deployments for staging and canary, both successful; nothing for production.
    const deployments = h.github.deployments(REPO);
    expect(deployments.map((d) => d.environment).sort()).toEqual(['canary', 'staging']);
    for (const d of deployments) {
      expect(d.sha).toBe(head.sha);
      expect(d.production).toBe(false);
      expect(d.statuses.at(-1)?.state).toBe('success');
      // Deployments link back to the rollout: its card in Slack.
      expect(d.statuses.at(-1)?.logUrl).toMatch(/\/archives\/[A-Z0-9]+\/p\d+$/);
    }
    expect(runs.every((r) => /\/archives\/[A-Z0-9]+\/p\d+$/.test(r.detailsUrl ?? ''))).toBe(true);
  });

  it('a redelivery is a 200 duplicate and starts nothing; a forged signature is a 401', async () => {
    await h.startReconciled();
    const head = h.origin.commit('change-1', GOOD_FILES, 'add the answer');
    h.openPullRequest(1, head);
    const first = await h.sendPullRequest('opened', 1, { deliveryId: 'delivery-1' });
    expect(first.status).toBe(202);
    await h.waitFor('the canary verdict on the card', cardWith(/inconclusive/));
    await h.bot.shell.idle();

    const readBacks = h.github.callsTo(READ_PR).length;
    const again = await h.sendPullRequest('opened', 1, { deliveryId: 'delivery-1' });
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ ok: true, duplicate: true });
    const forged = await h.sendPullRequest('opened', 1, { deliveryId: 'delivery-2', secret: 'not-the-secret' });
    expect(forged.status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    await h.bot.shell.idle();

    // Neither delivery was processed: the PR was not read back from GitHub again.
    expect(h.github.callsTo(READ_PR)).toHaveLength(readBacks);
    expect(h.cards()).toHaveLength(1);
    expect(h.deploys().map((d) => d.SHIPLOCK_STAGE)).toEqual(['staging', 'canary']);
    expect(h.openai.chatRequests()).toHaveLength(1);
  });

  it('a push supersedes the rollout: the old card says so and links to the new card', async () => {
    await h.startReconciled();
    const first = h.origin.commit('change-1', GOOD_FILES, 'add the answer');
    h.openPullRequest(1, first);
    expect((await h.sendPullRequest('opened', 1)).status).toBe(202);
    await h.waitFor('the first card', cardWith(/inconclusive/));
    await h.bot.shell.idle();

    const second = h.origin.commit('change-1', { 'src/app.js': 'export const answer = 43;\n' }, 'fix the answer');
    h.push(1, second);
    expect((await h.sendPullRequest('synchronize', 1)).status).toBe(202);
    await h.waitFor('two cards, the new one at its canary', () => {
      const cards = h.cards();
      return cards.length === 2 && /inconclusive/.test(textOf(cards[1])) && /superseded/.test(textOf(cards[0]));
    });
    await h.bot.shell.idle();

    const [oldCard, newCard] = h.cards();
    expect(textOf(newCard)).toContain(second.sha.slice(0, 7));
    const old = textOf(oldCard);
    expect(old).toMatch(/This card is superseded\* by rollout/);
    expect(old).toContain(second.sha.slice(0, 7));
    // The link button opens the new card's permalink.
    const link = await h.waitFor('the link to the new card', () =>
      JSON.stringify(h.slack.message(DEPLOY_CHANNEL, oldCard?.ts ?? '')?.blocks ?? []).match(/"url":"([^"]+)"/),
    );
    expect(link[1]).toBe(`${h.slack.url}/archives/${DEPLOY_CHANNEL}/p${(newCard?.ts ?? '-').replace('.', '')}`);
    // Both heads were deployed to staging and canary, each by its own rollout.
    expect(h.deploys().map((d) => [d.SHIPLOCK_SHA, d.SHIPLOCK_STAGE])).toEqual([
      [first.sha, 'staging'],
      [first.sha, 'canary'],
      [second.sha, 'staging'],
      [second.sha, 'canary'],
    ]);
  });

  it('a failing unit gate fails the card, ends the rollout and runs no deploy script', async () => {
    const bad = h.origin.commit(
      'change-2',
      { 'test.sh': testScript({ tests: 2, failures: 1, exit: 1 }), 'src/app.js': 'export const answer = 0;\n' },
      'break a test',
    );
    await h.startReconciled();
    h.openPullRequest(2, bad);
    expect((await h.sendPullRequest('opened', 2)).status).toBe(202);
    await h.waitFor('the ended card', cardWith(/Ended/));
    await h.bot.shell.idle();

    const card = h.cards()[0];
    expect(h.cards()).toHaveLength(1);
    const text = textOf(card);
    expect(text).toContain('failed *Unit tests*');
    expect(text).toMatch(/The blocking gate \*Unit tests\* failed/);
    expect(h.deploys()).toEqual([]);
    expect(h.github.deployments(REPO)).toEqual([]);
    const unit = h.github.checkRuns(REPO, bad.sha).find((r) => r.name === 'shiplock / Unit tests');
    expect(unit?.conclusion).toBe('failure');
    const thread = h.slack
      .thread(DEPLOY_CHANNEL, card?.ts ?? '')
      .map((m) => textOf(m))
      .join('\n');
    expect(thread).toMatch(/boom 0/);
  });
});

describe('a slow GitHub', () => {
  it('reports of one deployment never overlap: one deployment per stage, its statuses in order', async () => {
    await h.close();
    // The first listing of canary deployments answers after the canary script has ended, so its
    // `in_progress` report is still in flight when its `success` report starts.
    let slowed = false;
    h = await createBotHarness({
      githubLatency: (method, path) => {
        if (slowed || method !== 'GET' || !/\/deployments\?.*environment=canary/.test(path)) return 0;
        slowed = true;
        return 1500;
      },
    });
    await h.startReconciled();
    const head = h.origin.commit('change-1', GOOD_FILES, 'add the answer');
    h.openPullRequest(1, head);
    expect((await h.sendPullRequest('opened', 1)).status).toBe(202);
    await h.waitFor('the canary verdict on the card', cardWith(/inconclusive/));
    await h.bot.shell.idle();
    const deployments = h.github.deployments(REPO);
    expect(deployments.map((d) => d.environment).sort()).toEqual(['canary', 'staging']);
    for (const d of deployments) expect(d.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
    const runs = h.github.checkRuns(REPO, head.sha).filter((r) => r.app === 'token');
    expect(runs.map((r) => r.conclusion)).toEqual(['success', 'success']);
  });
});

describe('a rate-limited Slack', () => {
  it('the first card post answered 429 is retried: one card, and the bot keeps going', async () => {
    await h.startReconciled();
    h.slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const head = h.origin.commit('change-1', GOOD_FILES, 'add the answer');
    h.openPullRequest(1, head);
    expect((await h.sendPullRequest('opened', 1)).status).toBe(202);
    await h.waitFor('the canary verdict on the card', cardWith(/inconclusive/));
    await h.bot.shell.idle();
    expect(h.slack.callsTo('chat.postMessage').some((c) => c.status === 429)).toBe(true);
    expect(h.cards()).toHaveLength(1);
    expect(h.deploys().map((d) => d.SHIPLOCK_STAGE)).toEqual(['staging', 'canary']);
  });
});

describe('the reconciler and the slash command', () => {
  it('a PR opened while the bot was down gets a rollout and a card at start, without a webhook', async () => {
    const head = h.origin.commit('change-3', GOOD_FILES, 'opened while down');
    h.openPullRequest(3, head);
    await h.start();
    // No webhook was ever sent: the reconciler's pass at start found the PR.
    await h.waitFor('the reconciled card', cardWith(/inconclusive/));
    expect(h.github.callsTo('GET /repos/{owner}/{repo}/pulls').map((c) => c.status)).toEqual([200]);
    await h.bot.shell.idle();
    expect(h.cards()).toHaveLength(1);
    expect(textOf(h.cards()[0])).toContain(`${REPO} #3`);
    expect(h.deploys().map((d) => [d.SHIPLOCK_PR, d.SHIPLOCK_STAGE])).toEqual([
      ['3', 'staging'],
      ['3', 'canary'],
    ]);
  });

  it('/shiplock status acme/api#1 answers with the rollout', async () => {
    const rolloutId = await openToTheCanary();

    const result = await h.slack.slashCommand({
      user: PEOPLE.bob.slack,
      channel: DEPLOY_CHANNEL,
      text: `status ${REPO}#1`,
    });
    expect(result.status).toBe(200);
    const reply = textOf(result.json as { text?: string; blocks?: unknown });
    expect(reply).toContain(`${REPO}#1`);
    expect(reply).toContain(rolloutId);
    expect(reply).toMatch(/canary/i);
  });

  it('/alertmanager/webhook is mounted: a firing alert for the live canary ends the rollout and posts the alert', async () => {
    const rolloutId = await openToTheCanary();
    const post = (body: string) =>
      fetch(`${h.bot.url}/alertmanager/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    expect((await post('{"version":"4"')).status).toBe(400);
    const alert = {
      status: 'firing',
      labels: { alertname: 'DeployErrorRateHigh', service: 'api', track: 'canary', shiplock_rollout: rolloutId },
      annotations: { summary: 'Error rate above SLO on the canary' },
      startsAt: new Date().toISOString(),
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus:9090/graph',
      fingerprint: '87feb8b32446d230',
    };
    const payload = {
      version: '4',
      groupKey: '{}:{alertname="DeployErrorRateHigh"}',
      truncatedAlerts: 0,
      status: 'firing',
      receiver: 'shiplock',
      groupLabels: { alertname: 'DeployErrorRateHigh' },
      commonLabels: alert.labels,
      commonAnnotations: alert.annotations,
      externalURL: 'http://alertmanager:9093',
      alerts: [alert],
    };
    expect((await post(JSON.stringify(payload))).status).toBe(200);
    await h.bot.shell.idle();
    await h.waitFor('the alert message', () =>
      h.cards().find((m) => /DeployErrorRateHigh/.test(textOf(m)) && /Acknowledge/.test(JSON.stringify(m.blocks))),
    );
    await h.waitFor('the card ended', cardWith(/Ended/));
  });
});
