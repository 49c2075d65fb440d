import { afterEach, describe, expect, it } from 'vitest';
import { ACTION_ID } from '../../../src/render/index.ts';
import {
  type BotHarness,
  createBotHarness,
  DEPLOY_CHANNEL,
  MINUTE,
  PEOPLE,
  testScript,
  textOf,
} from '../../support/start-bot-harness.ts';
import { productionSeries } from '../../support/start-fake-prometheus.ts';

/**
 * Production and its verification through the whole bot (issue #6): a fake Prometheus where the
 * canary and production look healthy, the health command as a real process, and the bot's clock
 * moved forward instead of waiting for the canary watch, the time lock and the verification window.
 */
let h: BotHarness;
afterEach(() => h.close());

const GOOD_FILES = {
  'test.sh': testScript({ tests: 3, failures: 0, exit: 0 }),
  'src/app.js': 'export const answer = 42;\n',
};

const card = () => h.cards()[0];
const cardSays = (pattern: RegExp) => () => pattern.test(textOf(card()));

/** Opens PR #1, lets the canary turn healthy, approves and lets the lock run out: production deployed. */
async function deployToProduction(): Promise<string> {
  await h.startReconciled();
  const head = h.origin.commit('change-1', GOOD_FILES, 'add the answer');
  h.openPullRequest(1, head);
  expect((await h.sendPullRequest('opened', 1)).status).toBe(202);
  await h.waitFor('the canary deployed', () => h.deploys().some((d) => d.SHIPLOCK_STAGE === 'canary'));
  await h.bot.shell.idle();
  // The canary has served for 20 minutes: the next watch look judges it healthy.
  h.advance(20 * MINUTE);
  await h.waitFor('the Approve button', () => JSON.stringify(card()?.blocks ?? []).includes(ACTION_ID.approve));
  await h.bot.shell.idle();
  const clicked = await h.slack.clickButton({
    user: PEOPLE.bob.slack,
    channel: DEPLOY_CHANNEL,
    messageTs: card()?.ts ?? '',
    actionId: ACTION_ID.approve,
  });
  expect(clicked.status).toBe(200);
  await h.waitFor('the time lock', cardSays(/[Tt]ime lock/));
  await h.bot.shell.idle();
  h.advance(MINUTE);
  await h.waitFor('the production deploy', () => h.deploys().some((d) => d.SHIPLOCK_STAGE === 'production'));
  await h.waitFor('production verifying', cardSays(/[Vv]erif/));
  await h.bot.shell.idle();
  return h.deploys()[0]?.SHIPLOCK_ROLLOUT_ID ?? '';
}

describe('production verification through the whole bot', () => {
  it('a passing health command and healthy metrics: the rollout ends deployed and verified', async () => {
    h = await createBotHarness({ prometheus: productionSeries(), healthCommand: true });
    const rolloutId = await deployToProduction();
    expect(h.healthChecks()).toEqual([]);

    h.advance(16 * MINUTE);
    await h.waitFor('the verified card', cardSays(/Deployed and verified/));
    await h.bot.shell.idle();

    expect(h.deploys().map((d) => d.SHIPLOCK_STAGE)).toEqual(['staging', 'canary', 'production']);
    const [check] = h.healthChecks();
    expect(check).toMatchObject({
      SHIPLOCK_ROLLOUT_ID: rolloutId,
      SHIPLOCK_STAGE: 'verification',
      SHIPLOCK_ENVIRONMENT: 'production',
      SHIPLOCK_SHA: h.deploys()[2]?.SHIPLOCK_SHA,
    });
    expect(check).not.toHaveProperty('GITHUB_TOKEN');
    // The metrics check compared production (not the canary tracks) before and after the deploy.
    expect(h.prometheus?.queries.some((q) => q.query.includes('track="production"'))).toBe(true);
  });

  it('a failing health command: the rollback script runs and the rollout ends rolled back', async () => {
    h = await createBotHarness({ prometheus: productionSeries(), healthCommand: true });
    await deployToProduction();
    h.setHealthExit(1);

    h.advance(16 * MINUTE);
    await h.waitFor('the rollback', () => h.deploys().some((d) => d.SHIPLOCK_STAGE === 'rollback'));
    await h.waitFor('the rolled-back card', cardSays(/Production verification failed/));
    await h.bot.shell.idle();

    expect(h.deploys().map((d) => d.SHIPLOCK_STAGE)).toEqual(['staging', 'canary', 'production', 'rollback']);
    const text = textOf(card());
    // The card escapes what it shows (a zero-width space keeps "0.3s" from becoming a link).
    expect(text).toMatch(
      /Production verification failed: health command failed \(exit 1 in [\d.\u200b]+s\): health of [0-9a-f]{40}: exit 1/,
    );
    expect(text).toMatch(/metrics healthy/);
    expect(text).toMatch(/[Rr]olled back/);
  });
});
