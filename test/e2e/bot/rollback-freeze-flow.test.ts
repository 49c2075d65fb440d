import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTION_ID } from '../../../src/render/index.ts';
import type { StoredMessage } from '../../../src/sandbox/slack/index.ts';
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
 * Issue #6 through the whole bot: after a production rollback the repository is frozen until a
 * named approver clears it (a second PR waits at its preflight with the freeze's reason), and a
 * rollback script that fails ends the rollout `failed` with a message in the alerts channel (the
 * harness configures none, so the deploy channel, as the config's default).
 */
let h: BotHarness;
afterEach(() => h.close());

const files = (n: number) => ({
  'test.sh': testScript({ tests: 3, failures: 0, exit: 0 }),
  'src/app.js': `export const answer = ${40 + n};\n`,
});

/** The card of PR `number` (its header names it), once posted. */
const cardOf = (number: number): StoredMessage | undefined =>
  h.cards().find((m) => textOf(m).includes(`acme/api #${number} Change ${number}`));
const cardSays = (number: number, pattern: RegExp) => () => pattern.test(textOf(cardOf(number)));
const stagesOf = (number: number) =>
  h
    .deploys()
    .filter((d) => d.SHIPLOCK_PR === String(number))
    .map((d) => d.SHIPLOCK_STAGE);

/** Opens PR `number`, lets its canary turn healthy, approves and lets the lock run out. */
async function throughTheLock(number: number): Promise<void> {
  const head = h.origin.commit(`change-${number}`, files(number), `change ${number}`);
  h.openPullRequest(number, head);
  expect((await h.sendPullRequest('opened', number)).status).toBe(202);
  await h.waitFor(`canary of #${number}`, () => stagesOf(number).includes('canary'));
  await h.bot.shell.idle();
  h.advance(20 * MINUTE);
  await h.waitFor(`Approve on #${number}`, () =>
    JSON.stringify(cardOf(number)?.blocks ?? []).includes(ACTION_ID.approve),
  );
  await h.bot.shell.idle();
  const clicked = await h.slack.clickButton({
    user: PEOPLE.bob.slack,
    channel: DEPLOY_CHANNEL,
    messageTs: cardOf(number)?.ts ?? '',
    actionId: ACTION_ID.approve,
  });
  expect(clicked.status).toBe(200);
  await h.waitFor(`time lock of #${number}`, cardSays(number, /[Tt]ime lock/));
  await h.bot.shell.idle();
  h.advance(MINUTE);
}

/** PR #1 reaches production, its health command fails, the rollback script runs (and fails, if asked). */
async function rollBackPr1(
  options: { readonly rollbackFails?: boolean; readonly whileVerifying?: () => Promise<void> } = {},
): Promise<void> {
  h = await createBotHarness({ prometheus: productionSeries(), healthCommand: true });
  if (options.rollbackFails === true) {
    const script = join(h.dir, 'deploy', 'rollback.sh');
    writeFileSync(script, readFileSync(script, 'utf8').replace('exit 0', 'exit 1'));
  }
  await h.startReconciled();
  await throughTheLock(1);
  await h.waitFor('production of #1', () => stagesOf(1).includes('production'));
  await h.waitFor('#1 verifying', cardSays(1, /[Vv]erif/));
  await h.bot.shell.idle();
  await options.whileVerifying?.();
  h.setHealthExit(1);
  h.advance(16 * MINUTE);
  await h.waitFor('the rollback of #1', () => stagesOf(1).includes('rollback'));
}

describe('production rollbacks freeze the repository (issue #6)', () => {
  it('rolled back: frozen until a named approver runs freeze off; a second PR waits at preflight meanwhile', async () => {
    await rollBackPr1();
    await h.waitFor('the frozen notice on the card', cardSays(1, /are now frozen/));
    await h.bot.shell.idle();
    const card1 = textOf(cardOf(1));
    expect(card1).toMatch(/[Rr]olled back/);
    expect(card1).toContain('/shiplock freeze off');
    const thread = h.slack
      .thread(DEPLOY_CHANNEL, cardOf(1)?.ts ?? '')
      .map((m) => textOf(m))
      .join('\n');
    expect(thread).toMatch(/Production deploys of acme\/api are frozen/);

    // The freeze is stored: `/shiplock status` (which reads the stored freeze) says so, by shiplock, not a person.
    const status = await h.slash(PEOPLE.carol.slack, 'status acme/api#1');
    expect(status).toMatch(/frozen by shiplock \(automatically, after a production rollback\)/);
    expect(status).toMatch(/automatic after the production rollback of acme\/api#1/);

    // The rollback also put the canary over its risk budget (issue #7): autonomy is stepped down
    // (one more approver) until a named approver acknowledges; bob does, so one approval suffices again.
    expect(await h.slash(PEOPLE.bob.slack, 'risk ack rollback of #1 understood')).toMatch(/Acknowledged/);
    // A second PR gets through its gates, canary, approval and lock, and is held at preflight.
    await throughTheLock(2);
    await h.waitFor('#2 held by the freeze', cardSays(2, /Held before production/));
    await h.bot.shell.idle();
    expect(textOf(cardOf(2))).toMatch(/frozen by shiplock/);
    expect(stagesOf(2)).not.toContain('production');

    // Only a named approver may lift it; alice (the author, not named) is refused.
    expect(await h.slash(PEOPLE.alice.slack, 'freeze off')).toMatch(/Only named approvers/);
    expect(stagesOf(2)).not.toContain('production');
    expect(await h.slash(PEOPLE.bob.slack, 'freeze off')).toMatch(/Freeze lifted/);
    await h.waitFor('production of #2', () => stagesOf(2).includes('production'));
    expect(stagesOf(1)).toEqual(['staging', 'canary', 'production', 'rollback']);
  });

  it('a failing rollback script ends the rollout failed, with a message in the alerts channel; an earlier freeze is kept', async () => {
    // Carol freezes the repository while production verifies: the rollback's freeze does not replace hers.
    const whileVerifying = async () => {
      expect(await h.slash(PEOPLE.carol.slack, 'freeze on release train')).toMatch(/is frozen by/);
    };
    await rollBackPr1({ rollbackFails: true, whileVerifying });
    await h.waitFor('the failed card', cardSays(1, /rollback failed/i));
    const alert = await h.waitFor('the alert', () =>
      h.cards().find((m) => /Rollback failed/.test(m.text ?? '') || /rollback failed on/.test(m.text ?? '')),
    );
    await h.bot.shell.idle();
    const text = textOf(alert);
    expect(text).toContain('acme/api');
    expect(text).toContain('#1');
    expect(text).toMatch(/may be broken/);
    expect(text).toMatch(/\*Next:\*/);
    expect(JSON.stringify(alert.blocks ?? [])).toContain(ACTION_ID.openCard);
    expect(textOf(cardOf(1))).toMatch(/are now frozen/);
    const status = await h.slash(PEOPLE.carol.slack, 'status acme/api#1');
    expect(status).toContain(`frozen by <@${PEOPLE.carol.slack}>`);
    expect(status).toContain('release train');
    expect(status).not.toContain('frozen by shiplock');
  });
});
