import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/adapters/db/open-database.ts';
import { verifyAuditLog } from '../../../src/adapters/db/verify-audit-log.ts';
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
 * Issue #7 through the whole bot (`startBot` against the stand-ins): a production rollback is an
 * incident charged to the canary automatically, in the same transaction as the rollback's claim;
 * the canary and the system go over budget; the deploy channel is warned once each; `/shiplock
 * risk` reports the step-down and the incident; a named approver acknowledges it.
 */
let h: BotHarness;
afterEach(() => h.close());

const stages = () => h.deploys().map((d) => d.SHIPLOCK_STAGE);
const card = () => h.cards().find((m) => textOf(m).includes('acme/api #1 Change 1'));
const warnings = () => h.slack.messages(DEPLOY_CHANNEL).filter((m) => /Delegation risk/.test(m.text ?? ''));

describe('delegation risk through the whole bot (issue #7)', () => {
  it('a production rollback charges the canary, warns once, steps down; a named approver acknowledges', async () => {
    h = await createBotHarness({ prometheus: productionSeries(), healthCommand: true });
    await h.startReconciled();
    expect(await h.slash(PEOPLE.carol.slack, 'risk')).toContain('$1,950.00');

    const head = h.origin.commit('change-1', { 'test.sh': testScript({ tests: 3, failures: 0, exit: 0 }) }, 'change 1');
    h.openPullRequest(1, head);
    expect((await h.sendPullRequest('opened', 1)).status).toBe(202);
    await h.waitFor('the canary', () => stages().includes('canary'));
    await h.bot.shell.idle();
    h.advance(20 * MINUTE);
    await h.waitFor('Approve', () => JSON.stringify(card()?.blocks ?? []).includes(ACTION_ID.approve));
    await h.bot.shell.idle();
    const clicked = await h.slack.clickButton({
      user: PEOPLE.bob.slack,
      channel: DEPLOY_CHANNEL,
      messageTs: card()?.ts ?? '',
      actionId: ACTION_ID.approve,
    });
    expect(clicked.status).toBe(200);
    await h.waitFor('the time lock', () => /[Tt]ime lock/.test(textOf(card())));
    await h.bot.shell.idle();
    h.advance(MINUTE);
    await h.waitFor('production', () => stages().includes('production'));
    await h.waitFor('verifying', () => /[Vv]erif/.test(textOf(card())));
    await h.bot.shell.idle();
    h.setHealthExit(1);
    h.advance(16 * MINUTE);
    await h.waitFor('the rollback', () => stages().includes('rollback'));
    await h.waitFor('two warnings', () => (warnings().length >= 2 ? true : undefined));
    await h.bot.shell.idle();

    expect(warnings().map((m) => m.text)).toEqual([
      expect.stringMatching(/over budget: `canary_analysis`/),
      expect.stringMatching(/over budget: The whole system/),
    ]);
    // Posted like every other message of shiplock's: Slack never fetches what a warning links to.
    for (const m of warnings())
      expect({ links: m.unfurlLinks, media: m.unfurlMedia }).toEqual({ links: false, media: false });
    const report = await h.slash(PEOPLE.carol.slack, 'risk');
    expect(report).toContain('Autonomy stepped down');
    expect(report).toContain('production was rolled back: acme/api#1');
    expect(await h.slash(PEOPLE.alice.slack, 'risk ack not mine')).toMatch(/Only the people/);
    expect(await h.slash(PEOPLE.carol.slack, 'risk ack canary thresholds reviewed')).toMatch(/Acknowledged/);
    expect(await h.slash(PEOPLE.carol.slack, 'risk')).toContain('Autonomy:* as configured');
    expect(warnings()).toHaveLength(2);

    const db = openDatabase(h.config().database);
    try {
      expect(verifyAuditLog(db)).toMatchObject({ ok: true });
    } finally {
      db.close();
    }
  });
});
